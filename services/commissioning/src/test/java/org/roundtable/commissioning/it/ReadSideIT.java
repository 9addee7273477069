package org.roundtable.commissioning.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReadSideIT extends CommissioningIntegrationTest {

    @Test
    void theApiIsDocumentedWithOpenApiIncludingTheRuleWithoutQuorum() {
        ApiClient.Response docs = api().get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");
        assertThat(paths.has("/api/commissioning/funds")).isTrue();
        assertThat(paths.has("/api/commissioning/cases/{caseId}/panel")).isTrue();
        assertThat(paths.has("/api/commissioning/cases/{caseId}/declarations")).isTrue();
        assertThat(paths.has("/api/commissioning/cases/{caseId}/votes")).isTrue();
        String closing = paths.get("/api/commissioning/cases/{caseId}/closure").get("post").get("description").asText();
        assertThat(closing).contains("Without quorum the case closes with outcome NO_QUORUM").contains("awaits a new panel");
        assertThat(docs.body().get("components").get("securitySchemes").has("bearer")).isTrue();
    }

    @Test
    void fundsAndCasesAreListedForEveryReaderAndCasesFilterByStatus() throws Exception {
        String fundId = fund("ali", "2500.00");
        String caseId = submitted(UUID.randomUUID().toString());
        expect(204, api().post("/api/commissioning/cases/" + caseId + "/panel", commissioner("ali"), panel(fundId, "ali", "bea", "cal", null)));

        Eventually.within(PATIENCE, () -> {
            JsonNode assembled = api().get("/api/commissioning/cases?status=ASSEMBLED", citizen("anyone")).body();
            assertThat(assembled.findValuesAsText("caseId")).contains(caseId);
        });
        assertThat(api().get("/api/commissioning/cases?status=CLOSED", citizen("anyone")).body().findValuesAsText("caseId"))
                .doesNotContain(caseId);
        JsonNode fund = api().get("/api/commissioning/funds/" + fundId, auditor("aud")).body();
        assertThat(fund.get("serviceArea").asText()).isEqualTo(AREA);
        assertThat(fund.get("amount").decimalValue()).isEqualByComparingTo("2500.00");
        assertThat(fund.get("holderIds").get(0).asText()).isEqualTo("ali");
        JsonNode view = decisionCase(caseId).body();
        assertThat(view.get("chairId").asText()).isEqualTo("ali");
        assertThat(view.get("fundId").asText()).isEqualTo(fundId);
        assertThat(view.get("amount").get("amount").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(view.get("timeline").get(1).get("actorId").asText()).isEqualTo("ali");
        assertThat(view.get("timeline").get(1).get("actorRole").asText()).isEqualTo("COMMISSIONER");
        assertThat(api().get("/api/commissioning/funds", auditor("aud")).body().findValuesAsText("fundId")).contains(fundId);
    }
}
