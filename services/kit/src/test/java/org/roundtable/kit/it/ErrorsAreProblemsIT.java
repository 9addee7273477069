package org.roundtable.kit.it;

import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Whoever answers with an error — a controller, a filter, the firewall, the container — answers with problem+json. */
class ErrorsAreProblemsIT extends KitIntegrationTest {

    @Test
    void aNulInAQueryParameterIs400NamingTheParameter() {
        ApiClient.Response nul = send("GET", "/api/samples?q=%00", citizenToken("citizen-q"), null);
        ApiClient.Response longValue = send("GET", "/api/samples?serviceArea=" + "a".repeat(1001), citizenToken("citizen-q"), null);

        assertProblem(nul, 400);
        assertThat(nul.firstInvalidField()).isEqualTo("q");
        assertProblem(longValue, 400);
        assertThat(longValue.firstInvalidField()).isEqualTo("serviceArea");
    }

    @Test
    void aFractionSentForAWholeNumberIsRefusedNotTruncated() {
        long before = storedEvents();

        ApiClient.Response fraction = send("POST", "/api/samples", citizenToken("citizen-size"), "{\"title\":\"Plot\",\"size\":6.9}");

        assertProblem(fraction, 400);
        assertThat(fraction.firstInvalidField()).isEqualTo("size");
        assertThat(fraction.body().get("errors").get(0).get("message").asText()).startsWith("size must be a whole number");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anUnforeseenFailureIs500ProblemJsonWithoutItsMessage() {
        ApiClient.Response failure = send("GET", "/api/samples/failure", citizenToken("citizen-fail"), null);

        assertProblem(failure, 500);
        assertThat(failure.body().get("detail").asText()).contains("logged as").doesNotContain("nobody foresaw");
    }

    @Test
    void theContainersErrorPathAskedForDirectlyIsNotFoundAndNotDocumented() {
        assertProblem(send("GET", "/error", null, null), 404);
        assertProblem(send("PATCH", "/error", null, null), 404);
        assertThat(send("GET", "/v3/api-docs", null, null).body().get("paths").has("/error")).isFalse();
    }

    @Test
    void anEncodedSlashRefusedByTheContainerIsProblemJsonNotAnHtmlPage() throws Exception {
        String raw = rawGet("/api/samples/a%2Fb/title");

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw).containsIgnoringCase("content-type: application/problem+json");
        assertThat(raw).contains("\"status\":400").doesNotContain("<html");
    }

    @Test
    void aPathTheFirewallRefusesIs400ProblemJson() {
        ApiClient.Response climbing = send("GET", "/api/samples/%2e%2e;/x", citizenToken("citizen-fw"), null);

        assertThat(climbing.status()).isEqualTo(400);
        assertThat(climbing.contentType()).startsWith("application/problem+json");
    }

    private String rawGet(String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertProblem(ApiClient.Response response, int status) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
    }
}
