package org.roundtable.kit.it;

import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.Topics;
import org.roundtable.testsupport.TestTokens;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalsIT extends KitIntegrationTest {

    @Test
    void withoutATokenTheAnswerIs401ProblemJsonAndNothingIsStored() throws Exception {
        long before = storedEvents();

        ApiClient.Response response = send("POST", "/api/samples", null, "{\"title\":\"Unsigned\"}");

        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void expiredTokensAndTokensSignedByAnUnknownKeyAre401() throws Exception {
        long before = storedEvents();

        assertProblem(send("POST", "/api/samples", TestTokens.shared().mintExpired("citizen-late", "CITIZEN"), "{\"title\":\"Late\"}"), 401);
        assertProblem(send("POST", "/api/samples", TestTokens.shared().mintWithUnknownKey("citizen-forged", "CITIZEN"), "{\"title\":\"Forged\"}"), 401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aTokenIssuedForAnotherAudienceIs401() throws Exception {
        long before = storedEvents();

        assertProblem(send("POST", "/api/samples", TestTokens.shared().mintForAudience("some-other-api", "citizen-elsewhere", "CITIZEN"),
                "{\"title\":\"Elsewhere\"}"), 401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsSent() throws Exception {
        long before = storedEvents();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/samples HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + 20 * 1024 * 1024 + "\r\nAuthorization: Bearer " + citizenToken("citizen-big") + "\r\n\r\n{\"title\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(96), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theApiDocumentNeverEchoesTheHostItWasAskedFor() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /v3/api-docs HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"servers\":[{\"url\":\"/\"").doesNotContain("evil.example");
        }
    }

    @Test
    void aTokenWithoutTheRoleIs403AndNothingIsStored() throws Exception {
        long before = storedEvents();

        ApiClient.Response response = send("POST", "/api/samples", TestTokens.shared().mint("auditor-1", "Auditor", "AUDITOR"), "{\"title\":\"Audit\"}");
        ApiClient.Response actingAsAuditor = send("POST", "/api/samples", TestTokens.shared().mint("both-1", "Both", "CITIZEN", "AUDITOR"),
                "{\"title\":\"Audit\"}", "X-Acting-Role", "AUDITOR");

        assertProblem(response, 403);
        assertThat(response.body().get("detail").asText()).isEqualTo("this action is open to [CITIZEN, STAFF]; the token holds [AUDITOR]");
        assertProblem(actingAsAuditor, 403);
        assertThat(actingAsAuditor.body().get("detail").asText()).isEqualTo("this action is not open to the role AUDITOR; it is open to [CITIZEN, STAFF]");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aKeycloakShapedTokenGrantsItsRealmRoles() throws Exception {
        String token = TestTokens.shared().mintKeycloakStyle("citizen-kc", "Keycloak Citizen", "CITIZEN", "offline_access");

        String id = createSample(token, "Keycloak garden");

        assertThat(storedPayloadTypes(id)).hasSize(1);
    }

    @Test
    void invalidInputIs400NamingTheFieldAndNothingIsStored() throws Exception {
        String token = citizenToken("citizen-invalid");
        long before = storedEvents();

        ApiClient.Response blank = send("POST", "/api/samples", token, "{\"title\":\"  \"}");
        ApiClient.Response tooLong = send("POST", "/api/samples", token, JSON.writeValueAsString(Map.of("title", "x".repeat(101))));
        ApiClient.Response wrongType = send("POST", "/api/samples", token, "{\"title\":\"Fine\",\"size\":\"large\"}");
        ApiClient.Response notJson = send("POST", "/api/samples", token, "{\"title\":");
        ApiClient.Response badPath = send("PUT", "/api/samples/not-a-uuid/title", token, "{\"title\":\"Fine\"}");

        assertProblem(blank, 400);
        assertThat(blank.body().get("errors").get(0).get("field").asText()).isEqualTo("title");
        assertProblem(tooLong, 400);
        assertThat(tooLong.body().get("errors").get(0).get("field").asText()).isEqualTo("title");
        assertProblem(wrongType, 400);
        assertThat(wrongType.body().get("errors").get(0).get("field").asText()).isEqualTo("size");
        assertProblem(notJson, 400);
        assertThat(notJson.body().get("errors").get(0).get("field").asText()).isEqualTo("body");
        assertProblem(badPath, 400);
        assertThat(badPath.body().get("errors").get(0).get("field").asText()).isEqualTo("id");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aDomainRuleRefusesWith403Or400Or404AndStoresNothing() throws Exception {
        String id = createSample(citizenToken("citizen-owner"), "Seed swap");
        long before = storedEvents();

        ApiClient.Response otherActor = send("PUT", "/api/samples/" + id + "/title", citizenToken("citizen-other"), "{\"title\":\"Mine now\"}");
        ApiClient.Response blankTitle = send("PUT", "/api/samples/" + id + "/title", citizenToken("citizen-owner"), "{\"title\":\"\"}");
        ApiClient.Response unknown = send("PUT", "/api/samples/" + UUID.randomUUID() + "/title", citizenToken("citizen-owner"), "{\"title\":\"Ghost\"}");

        assertProblem(otherActor, 403);
        assertThat(otherActor.body().get("detail").asText()).contains("only the creator");
        assertProblem(blankTitle, 400);
        assertThat(blankTitle.body().get("errors").get(0).get("field").asText()).isEqualTo("title");
        assertProblem(unknown, 404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void healthAndMetricsAreOpenAndNameTheKitsMeters() throws Exception {
        ApiClient.Response health = send("GET", "/actuator/health", null, null);
        ApiClient.Response prometheus = send("GET", "/actuator/prometheus", null, null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body().asText()).contains("roundtable_relay_lag", "roundtable_relay_events_total", "roundtable_commands_seconds");
    }

    private static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asText()).isNotBlank();
    }
}
