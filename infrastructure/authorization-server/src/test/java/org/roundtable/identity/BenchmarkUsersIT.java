package org.roundtable.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Benchmark mode of the local authorization server: real signed tokens for many synthetic citizens, only when switched
 * on, only on a server that listens on loopback alone and names a loopback issuer.
 */
@Tag("running-server")
class BenchmarkUsersIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static int port;
    private static ConfigurableApplicationContext server;

    @BeforeAll
    static void start() throws IOException {
        port = freePort();
        server = AuthorizationServerApplication.start("--server.port=" + port, "--server.address=127.0.0.1",
                "--roundtable.identity.issuer=" + issuer(port), "--roundtable.identity.data-dir=" + dataDir,
                "--roundtable.identity.benchmark-users=true");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void mintsValidTokensForDistinctSyntheticCitizensAndNoOneElse() throws Exception {
        HttpResponse<String> minted = mint(port, "count=3&first=41");

        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer(port) + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer(port)));
        List<String> subjects = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(minted.body()).path("tokens")) {
            Jwt token = decoder.decode(entry.path("accessToken").asText());
            assertThat(token.getSubject()).isEqualTo(entry.path("subject").asText());
            assertThat(token.getAudience()).containsExactly(DemoClients.AUDIENCE);
            assertThat(token.getClaimAsStringList("roles")).containsExactly("CITIZEN");
            assertThat(token.getClaimAsString("name")).startsWith("Benchmark citizen ");
            subjects.add(token.getSubject());
        }
        assertThat(subjects).containsExactly("benchmark-citizen-00041", "benchmark-citizen-00042", "benchmark-citizen-00043");
        assertThat(subjects).doesNotContainAnyElementsOf(DemoAccounts.ALL.stream().map(DemoAccounts.DemoAccount::username).toList());
    }

    @Test
    void refusesACountOutOfBoundsNamingTheField() throws Exception {
        for (String count : List.of("0", "10001", "-5")) {
            HttpResponse<String> refused = mint(port, "count=" + count);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(refused.body()).path("field").asText()).isEqualTo("count");
        }
    }

    @Test
    void withoutBenchmarkModeNothingIsMinted(@TempDir Path otherData) throws Exception {
        int otherPort = freePort();
        try (ConfigurableApplicationContext ordinary = AuthorizationServerApplication.start("--server.port=" + otherPort,
                "--server.address=127.0.0.1", "--roundtable.identity.issuer=" + issuer(otherPort), "--roundtable.identity.data-dir=" + otherData)) {
            HttpResponse<String> refused = mint(otherPort, "count=1");

            assertThat(refused.statusCode()).isIn(302, 401, 403);
            assertThat(refused.body()).doesNotContain("accessToken");
        }
    }

    @Test
    void refusesToStartInBenchmarkModeUnlessListeningOnLoopbackAlone(@TempDir Path otherData) {
        assertThatThrownBy(() -> AuthorizationServerApplication.start("--server.port=0", "--roundtable.identity.issuer=http://127.0.0.1:9000",
                "--roundtable.identity.data-dir=" + otherData, "--roundtable.identity.benchmark-users=true"))
                .hasStackTraceContaining("benchmark mode").hasStackTraceContaining("server.address");
        assertThatThrownBy(() -> AuthorizationServerApplication.start("--server.port=0", "--server.address=0.0.0.0",
                "--roundtable.identity.issuer=http://127.0.0.1:9000", "--roundtable.identity.data-dir=" + otherData,
                "--roundtable.identity.benchmark-users=true"))
                .hasStackTraceContaining("loopback").hasStackTraceContaining("'0.0.0.0'");
    }

    @Test
    void refusesToStartInBenchmarkModeForAnIssuerOthersWouldReach(@TempDir Path otherData) {
        assertThatThrownBy(() -> AuthorizationServerApplication.start("--server.port=0", "--server.address=127.0.0.1",
                "--roundtable.identity.issuer=https://login.roundtable.example", "--roundtable.identity.data-dir=" + otherData,
                "--roundtable.identity.benchmark-users=true"))
                .hasStackTraceContaining("benchmark mode runs only for a local issuer").hasStackTraceContaining("login.roundtable.example");
    }

    private static HttpResponse<String> mint(int port, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuer(port) + BenchmarkUsers.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String issuer(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
