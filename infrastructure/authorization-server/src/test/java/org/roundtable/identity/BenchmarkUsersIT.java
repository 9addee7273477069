package org.roundtable.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

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

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static LoopbackServer server;

    @BeforeAll
    static void start() {
        server = LoopbackServer.start(dataDir, "--roundtable.identity.benchmark-users=true");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void mintsValidTokensForDistinctSyntheticCitizensAndNoOneElse() throws Exception {
        HttpResponse<String> minted = mint(server, "count=3&first=41");

        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
        JwtDecoder decoder = server.decoder();
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
            HttpResponse<String> refused = mint(server, "count=" + count);

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(refused.body()).path("field").asText()).isEqualTo("count");
        }
    }

    @Test
    void withoutBenchmarkModeNothingIsMinted(@TempDir Path otherData) throws Exception {
        try (LoopbackServer ordinary = LoopbackServer.start(otherData)) {
            HttpResponse<String> refused = mint(ordinary, "count=1");

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

    private static HttpResponse<String> mint(LoopbackServer server, String form) throws Exception {
        return server.postForm(BenchmarkUsers.PATH, form);
    }
}
