package org.roundtable.identity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.identity.DemoAccounts.DemoAccount;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real authorization server on loopback: demo logins, machine tokens, claims, and a key that survives restarts. */
@Tag("running-server")
class AuthorizationServerIT {

    @TempDir
    static Path dataDir;

    private static LoopbackServer server;

    @BeforeAll
    static void start() {
        server = LoopbackServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String issuer() {
        return server.issuer();
    }

    static JwtDecoder decoder() {
        return server.decoder();
    }

    @Test
    void everyDemoAccountLogsInThroughTheBrowserFlowAndGetsItsNameAndRoles() {
        for (DemoAccount account : DemoAccounts.ALL) {
            Jwt token = decoder().decode(new DemoLogin(issuer()).accessToken(account.username(), DemoAccounts.PASSWORD));

            assertThat(token.getSubject()).isEqualTo(account.username());
            assertThat(token.getClaimAsString("name")).isEqualTo(account.name());
            assertThat(token.getClaimAsStringList("roles"))
                    .containsExactlyInAnyOrderElementsOf(account.roles().stream().map(Enum::name).toList());
            assertThat(token.getIssuer().toString()).isEqualTo(issuer());
        }
    }

    @Test
    void theGatewayClientStartsALoginOnlyWithPkceAndItsRegisteredRedirect() throws Exception {
        String authorize = "/oauth2/authorize?response_type=code&client_id=" + DemoClients.GATEWAY
                + "&scope=openid&state=s&redirect_uri=http://127.0.0.1:8080/login/oauth2/code/roundtable";
        String challenge = "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGjSstw-cM&code_challenge_method=S256";

        HttpResponse<String> withPkce = server.get(authorize + challenge, "Accept", "text/html");
        HttpResponse<String> withoutPkce = server.get(authorize, "Accept", "text/html");
        HttpResponse<String> foreignRedirect = server.get(authorize.replace("127.0.0.1:8080", "elsewhere.example") + challenge,
                "Accept", "text/html");

        assertThat(withPkce.statusCode()).isEqualTo(302);
        assertThat(withPkce.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(withoutPkce.headers().firstValue("Location").orElse(""))
                .startsWith("http://127.0.0.1:8080/login/oauth2/code/roundtable").contains("error=invalid_request");
        assertThat(foreignRedirect.statusCode()).isEqualTo(400);
    }

    @Test
    void refusesAWrongPasswordAndAnUnknownAccount() {
        assertThatThrownBy(() -> new DemoLogin(issuer()).accessToken("amara", "not-the-password"))
                .isInstanceOf(DemoLogin.LoginFailed.class).hasMessageContaining("refused the credentials");
        assertThatThrownBy(() -> new DemoLogin(issuer()).accessToken("mallory", DemoAccounts.PASSWORD))
                .isInstanceOf(DemoLogin.LoginFailed.class);
    }

    @Test
    void theMachineClientGetsATokenWithClientCredentialsNamingItAndGrantingNoRole() throws Exception {
        Jwt token = decoder().decode(machineToken(DemoClients.MACHINE_SECRET));

        assertThat(token.getSubject()).isEqualTo(DemoClients.MACHINE);
        assertThat(token.getClaimAsString("name")).isEqualTo("Roundtable machine client");
        assertThat(token.getClaimAsStringList("roles")).isEmpty();
    }

    @Test
    void aWrongClientSecretGetsNoToken() throws Exception {
        HttpResponse<String> refused = clientCredentials("not-the-secret");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("invalid_client");
    }

    @Test
    void publishesDiscoveryWithTheConfiguredIssuer() throws Exception {
        HttpResponse<String> discovery = server.get("/.well-known/openid-configuration");

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"issuer\":\"" + issuer() + "\"").contains("/oauth2/jwks");
    }

    @Test
    void aTokenIssuedBeforeARestartStillValidatesAfterItAndNotAgainstAFreshKey(@TempDir Path freshData) throws Exception {
        String before = new DemoLogin(issuer()).accessToken("hana", DemoAccounts.PASSWORD);
        Path keyFile = dataDir.resolve(PersistentSigningKey.FILE_NAME);
        String keyBefore = Files.readString(keyFile);

        server.restart(dataDir);
        assertThat(Files.readString(keyFile)).isEqualTo(keyBefore);
        assertThat(decoder().decode(before).getSubject()).isEqualTo("hana");

        server.restart(freshData);
        try {
            assertThatThrownBy(() -> decoder().decode(before)).isInstanceOf(JwtException.class);
        } finally {
            server.restart(dataDir);
        }
        assertThat(decoder().decode(before).getSubject()).isEqualTo("hana");
    }

    static String machineToken(String secret) throws Exception {
        HttpResponse<String> response = clientCredentials(secret);
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    static HttpResponse<String> clientCredentials(String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((DemoClients.MACHINE + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return server.postForm("/oauth2/token", "grant_type=client_credentials", "Authorization", "Basic " + basic);
    }
}
