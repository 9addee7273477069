package org.roundtable.commissioning.it;

import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.Eventually;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionMetricsIT extends CommissioningIntegrationTest {

    private static final Pattern APPROVED_COUNT =
            Pattern.compile("roundtable_decision_duration_seconds_count\\{[^}]*outcome=\"APPROVED\"[^}]*} ([0-9.E]+)");

    @Test
    void everyDecisionIsTimedFromTheCaseOpeningOnce() throws Exception {
        String fundId = fund("ali", "5000.00");
        String caseId = submitted(UUID.randomUUID().toString());
        double before = approvedDecisionsTimed();

        expect(204, api().post("/api/commissioning/cases/" + caseId + "/panel", commissioner("ali"), panel(fundId, "ali", "bea", "cal", null)));
        declare(caseId, commissioner("ali"), false, null);
        declare(caseId, commissioner("bea"), false, null);
        declare(caseId, citizen("cal"), false, null);
        vote(caseId, commissioner("ali"), "APPROVE", "builds on what the library already has");
        vote(caseId, citizen("cal"), "APPROVE", "neighbours asked for it");
        expect(204, api().post("/api/commissioning/cases/" + caseId + "/closure", commissioner("ali"), null));

        Eventually.within(PATIENCE, () -> assertThat(approvedDecisionsTimed()).isEqualTo(before + 1));
    }

    private double approvedDecisionsTimed() throws IOException, InterruptedException {
        HttpResponse<String> scraped = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scraped.statusCode()).isEqualTo(200);
        Matcher count = APPROVED_COUNT.matcher(scraped.body());
        return count.find() ? Double.parseDouble(count.group(1)) : 0;
    }
}
