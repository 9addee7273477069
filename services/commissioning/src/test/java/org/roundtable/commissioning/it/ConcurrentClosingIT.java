package org.roundtable.commissioning.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.RepeatedTest;
import org.roundtable.events.EventJson;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several approved cases close at the same moment against one fund that can pay for only one of them. Exactly one
 * closing allocates; every other is refused with 409 naming what the fund holds, stores nothing, and leaves its case
 * open (as the closing operation documents).
 */
class ConcurrentClosingIT extends CommissioningIntegrationTest {

    static final int CASES = 3;
    static final ObjectMapper JSON = EventJson.newMapper();

    @RepeatedTest(3)
    void casesClosingTogetherNeverAllocateMoreThanTheFundHolds() throws Exception {
        String fundId = fund("ali", "1000.00");
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String caseId = submitted(UUID.randomUUID().toString());
            expect(204, api().post("/api/commissioning/cases/" + caseId + "/panel", commissioner("ali"),
                    panel(fundId, "ali", "bea", "cal", "1000.00")));
            declare(caseId, commissioner("ali"), false, null);
            declare(caseId, citizen("cal"), false, null);
            vote(caseId, commissioner("ali"), "APPROVE", "worth every penny");
            vote(caseId, citizen("cal"), "APPROVE", "neighbours want it");
            caseIds.add(caseId);
        }

        List<ApiClient.Response> closings = closeTogether(caseIds);

        assertThat(closings).extracting(ApiClient.Response::status).containsOnly(204, 409);
        assertThat(closings).filteredOn(r -> r.status() == 204).hasSize(1);
        for (ApiClient.Response refused : closings.stream().filter(r -> r.status() == 409).toList()) {
            assertProblem(refused, 409);
            assertThat(refused.body().get("detail").asText()).contains("holds only 0.00 GBP; it cannot allocate 1000.00");
        }
        BigDecimal allocated = BigDecimal.ZERO;
        for (String stored : jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%FundsAllocated'", String.class, fundId)) {
            allocated = allocated.add(JSON.readValue(stored, FundsAllocated.class).amount().amount());
        }
        assertThat(allocated).isEqualByComparingTo("1000.00");
        assertThat(storedEventTypes(fundId)).containsExactly("FundCreated", "FundsAllocated");
        for (int i = 0; i < CASES; i++) {
            String caseId = caseIds.get(i);
            if (closings.get(i).status() == 204) {
                DecisionReached decision = published(caseId, "DecisionReached", 1).get(0).dataAs(DecisionReached.class);
                assertThat(decision.outcome()).isEqualTo(DecisionOutcome.APPROVED);
                assertThat(decision.allocation().fundId()).isEqualTo(fundId);
            } else {
                assertThat(storedEventTypes(caseId)).doesNotContain("DecisionReached");
            }
        }
        Eventually.within(PATIENCE, () -> {
            assertThat(api().get("/api/commissioning/funds/" + fundId, auditor("aud")).body().get("remaining").decimalValue())
                    .isEqualByComparingTo("0.00");
            for (int i = 0; i < CASES; i++) {
                assertThat(decisionCase(caseIds.get(i)).body().get("status").asText())
                        .isEqualTo(closings.get(i).status() == 204 ? "CLOSED" : "ASSEMBLED");
            }
        });
    }

    /** Every chair's request leaves at the same instant from its own thread. */
    private List<ApiClient.Response> closeTogether(List<String> caseIds) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(caseIds.size());
        try {
            CountDownLatch ready = new CountDownLatch(caseIds.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiClient.Response>> pending = new ArrayList<>();
            String chair = commissioner("ali");
            for (String caseId : caseIds) {
                pending.add(threads.submit(() -> {
                    ready.countDown();
                    go.await(30, TimeUnit.SECONDS);
                    return api().post("/api/commissioning/cases/" + caseId + "/closure", chair, null);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> response : pending) {
                responses.add(response.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }
}
