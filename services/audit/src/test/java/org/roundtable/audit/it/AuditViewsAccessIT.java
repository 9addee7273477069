package org.roundtable.audit.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.TestTokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditViewsAccessIT extends AuditIntegrationTest {

    private static final List<String> VIEWS = List.of("/history", "/as-of?at=2026-03-02T10:00:00Z");
    private static final List<String> POWER_MAP = List.of("/api/audit/power-map", "/api/audit/power-map/decisions",
            "/api/audit/power-map/funds", "/api/audit/power-map?format=csv");

    @Test
    void onlyAuditorsReadTheViews() throws Exception {
        GardenJourney journey = GardenJourney.startingAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS))
                .publish(codec, jdbc);
        List<String> paths = new java.util.ArrayList<>(POWER_MAP);
        VIEWS.forEach(view -> paths.add("/api/audit/proposals/" + journey.proposalId() + view));
        paths.add("/api/audit/events/" + journey.events().get(0).id() + "/why");
        String commissioner = TestTokens.shared().mint(journey.id("dana"), "Dana Reeves", "COMMISSIONER");
        String citizenAndAuditor = TestTokens.shared().mint("hana-" + journey.id("gus"), "Hana Sato", "CITIZEN", "AUDITOR");

        for (String path : paths) {
            assertProblem(api().get(path, null), 401, path);
            assertProblem(api().get(path, TestTokens.shared().mintExpired("auditor-old", "AUDITOR")), 401, path);
            assertProblem(api().get(path, citizen(journey.id("amara"))), 403, path);
            assertProblem(api().get(path, commissioner), 403, path);
            assertProblem(api().send("GET", path, citizenAndAuditor, null, "X-Acting-Role", "CITIZEN"), 403, path);
            assertThat(api().send("GET", path, citizenAndAuditor, null, "X-Acting-Role", "AUDITOR").status()).as(path).isEqualTo(200);
            assertThat(api().get(path, auditor()).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void anyoneReadsTheRegisterWithoutLoggingInAndNoCitizenWhoDidNotConsentIsShownByTheirLogin() throws Exception {
        GardenJourney journey = GardenJourney.startingAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS))
                .publish(codec, jdbc);

        ApiClient.Response register = api().get("/api/audit/register", null);

        assertThat(register.status()).isEqualTo(200);
        JsonNode decision = null;
        for (JsonNode candidate : register.body().get("decisions")) {
            if (journey.proposalId().equals(candidate.get("proposalId").asText())) {
                decision = candidate;
            }
        }
        assertThat(decision).as("the journey's decision in %s", register.body()).isNotNull();
        assertThat(decision.get("outcome").asText()).isEqualTo("APPROVED");
        List<String> names = new java.util.ArrayList<>();
        decision.get("panel").forEach(member -> names.add(member.get("name").asText()));
        assertThat(names).contains("Neighbour K7PQ2M");
        assertThat(register.body().toString()).doesNotContain(journey.id("ivy")).doesNotContain(journey.id("gus"));
    }

    @Test
    void anOverlongProposalIdIs400NamingIt() {
        String overlong = "p".repeat(201);

        for (String view : VIEWS) {
            ApiClient.Response response = api().get("/api/audit/proposals/" + overlong + view, auditor());
            assertProblem(response, 400, view);
            assertThat(response.firstInvalidField()).isEqualTo("proposalId");
        }
    }

    @Test
    void theViewsAreDocumentedInTheOpenApiDescription() {
        ApiClient.Response docs = api().get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");
        assertThat(paths.has("/api/audit/proposals/{proposalId}/history")).isTrue();
        assertThat(paths.has("/api/audit/proposals/{proposalId}/as-of")).isTrue();
        assertThat(paths.has("/api/audit/power-map")).isTrue();
        assertThat(paths.has("/api/audit/power-map/decisions")).isTrue();
        assertThat(paths.get("/api/audit/power-map").get("get").get("responses").get("200").get("content").has("text/csv")).isTrue();
        assertThat(paths.get("/api/audit/proposals/{proposalId}/as-of").get("get").get("tags").get(0).asText()).isEqualTo("as-of replay");
        for (String auditorsOnly : List.of("/api/audit/power-map", "/api/audit/proposals/{proposalId}/history", "/api/audit/ledger")) {
            assertThat(paths.get(auditorsOnly).get("get").get("description").asText()).as(auditorsOnly).endsWith("\n\nOpen to AUDITOR.");
        }
        assertThat(paths.get("/api/audit/register").get("get").path("description").asText()).doesNotContain("Open to");
    }

    private static void assertProblem(ApiClient.Response response, int status, String path) {
        assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(status);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
    }
}
