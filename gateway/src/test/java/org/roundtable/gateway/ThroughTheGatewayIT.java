package org.roundtable.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.roundtable.identity.DemoClients;
import org.roundtable.identity.DemoLogin;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.TestTokens;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens from the real authorization server, through the gateway, into the real proposals service. */
@Tag("local-stack")
class ThroughTheGatewayIT {

    static final Map<String, Object> PROPOSAL = Map.of(
            "title", "Repair café at the community centre",
            "aspiration", "Neighbours fix each other's things on Saturday mornings and teach the skills as they go",
            "serviceArea", "Community centres",
            "assets", List.of(
                    Map.of("kind", "SKILL", "description", "Retired electricians and tailors", "holder", "Makers' club"),
                    Map.of("kind", "PLACE", "description", "The centre's hall on Saturday mornings", "holder", "Centre trust")),
            "ask", Map.of("money", Map.of("amount", "800.00", "currency", "GBP"), "otherResources", List.of("tool storage")),
            "intendedOutcomes", List.of("Fewer things thrown away", "Repair skills passed on"));

    static LocalStack stack;
    static ApiClient gateway;

    @BeforeAll
    static void stack() {
        stack = LocalStack.shared();
        gateway = new ApiClient(stack.gatewayUrl());
    }

    static String login(String username) {
        return new DemoLogin(stack.issuer()).accessToken(username, "roundtable");
    }

    @Test
    void aCitizenLoggedInAtTheAuthorizationServerDraftsAProposalThroughTheGateway() throws Exception {
        String amara = login("amara");

        ApiClient.Response drafted = gateway.post("/api/proposals", amara, PROPOSAL);

        assertThat(drafted.status()).as(String.valueOf(drafted.body())).isEqualTo(201);
        String id = drafted.body().get("id").asText();
        Eventually.within(Duration.ofSeconds(20), () -> {
            ApiClient.Response read = gateway.get("/api/proposals/" + id, amara);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().toString()).contains("Repair café").contains("\"amara\"");
        });
    }

    @Test
    void withoutATokenTheGatewayAnswers401ProblemAndTheServiceIsNeverAsked() {
        ApiClient.Response refused = gateway.get("/api/proposals", null);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.body().get("status").asInt()).isEqualTo(401);
    }

    @Test
    void forgedTokensAreRefusedWith401() {
        String real = login("bill");
        String[] parts = real.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"CITIZEN\"", "\"COMMISSIONER\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String otherIssuer = TestTokens.shared().mint("bill", "Bill Turner", "COMMISSIONER");

        for (String forged : List.of(tampered, otherIssuer, "not-a-jwt")) {
            ApiClient.Response refused = gateway.get("/api/proposals", forged);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
        }
    }

    @Test
    void aWrongRoleIsRefusedByTheServiceAndTheProblemIsRelayedUnchanged() {
        String hana = login("hana");

        ApiClient.Response throughGateway = gateway.post("/api/proposals", hana, PROPOSAL);
        ApiClient.Response direct = new ApiClient(stack.proposalsUrl()).post("/api/proposals", hana, PROPOSAL);

        assertThat(throughGateway.status()).isEqualTo(403);
        assertThat(throughGateway.contentType()).startsWith("application/problem+json");
        assertThat(throughGateway.body()).isEqualTo(direct.body());
        assertThat(throughGateway.body().get("status").asInt()).isEqualTo(403);
    }

    @Test
    void pastItsBudgetAUserGets429WithRetryAfterWhileOthersGoOn() {
        String dana = login("dana");
        int allowed = 0;
        ApiClient.Response refused = null;
        for (int i = 0; i < LocalStack.RATE_BURST + 5 && refused == null; i++) {
            ApiClient.Response response = gateway.get("/api/proposals", dana);
            if (response.status() == 429) {
                refused = response;
            } else {
                assertThat(response.status()).isEqualTo(200);
                allowed++;
            }
        }

        assertThat(refused).as("a request past the burst is refused").isNotNull();
        assertThat(allowed).isBetween(LocalStack.RATE_BURST, LocalStack.RATE_BURST + 1);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 2L);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("status").asInt()).isEqualTo(429);
        assertThat(refused.body().get("detail").asText()).contains("Retry-After");
        assertThat(gateway.get("/api/proposals", login("eli")).status()).as("another user's budget").isEqualTo(200);
    }

    @Test
    void anOversizedBodyIsRefusedWith413BeforeReachingTheService() {
        String chen = login("chen");
        String huge = "{\"title\":\"" + "x".repeat((int) LocalStack.MAX_REQUEST_BYTES) + "\"}";

        ApiClient.Response refused = gateway.send("POST", "/api/proposals", chen, huge, "X-Acting-Role", "CITIZEN");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("status").asInt()).isEqualTo(413);
    }

    @Test
    void aBodyStreamedWithoutItsLengthIsRefusedWith411() throws Exception {
        String chen = login("chen");
        byte[] body = "{\"title\":\"streamed\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/proposals"))
                .header("Authorization", "Bearer " + chen).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(411);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":411");
    }

    @Test
    void corsPreflightIsAnsweredForTheWebOriginOnly() throws Exception {
        HttpResponse<String> allowed = preflight(LocalStack.WEB_ORIGIN);
        HttpResponse<String> foreign = preflight("http://elsewhere.example");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(LocalStack.WEB_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization").contains("x-acting-role");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aPathTheGatewaysFirewallRejectsIsAnswered400Problem() {
        String amara = login("amara");
        for (String path : List.of("/api/proposals/..%2F../withdrawal", "/api/proposals/a%2Fb", "/api/proposals/%2e%2e/x")) {
            ApiClient.Response refused = gateway.post(path, amara, Map.of("reason", "no longer needed"));

            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.contentType()).as(path).startsWith("application/problem+json");
            assertThat(refused.body().get("status").asInt()).isEqualTo(400);
            assertThat(refused.body().get("detail").asText()).contains("encoded slash");
        }
    }

    @Test
    void eachPrefixIsRoutedToItsOwnUpstreamWithThePathAndTokenIntact() throws Exception {
        Map<String, URI> configured = new java.util.HashMap<>();
        for (Route route : stack.gateway().getBean(RouteLocator.class).getRoutes().collectList().block()) {
            configured.put(route.getId(), route.getUri());
        }
        String hana = login("hana");
        for (String service : LocalStack.SERVICES) {
            assertThat(configured.get(service)).as("route of " + service).isEqualTo(URI.create(stack.upstream(service)));
            if (service.equals("proposals")) {
                assertThat(gateway.get("/api/proposals", hana).status()).isEqualTo(200);
                continue;
            }
            // the proposals process answers for the unstarted services: its own 404 naming the forwarded path proves
            // the request arrived there with its path and (otherwise it would be 401) its token
            String path = "/api/" + service + "/routing-check";
            ApiClient.Response answered = gateway.get(path, hana);
            assertThat(answered.status()).as(service).isEqualTo(404);
            assertThat(answered.contentType()).startsWith("application/problem+json");
            assertThat(answered.body().get("instance").asText()).isEqualTo(path);
        }
        ApiClient.Response noRoute = gateway.get("/api/elsewhere", hana);
        assertThat(noRoute.status()).as("no route").isEqualTo(404);
        assertThat(noRoute.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMachineClientGivenNoRoleReadsOnlyWhatThePublicPagesShow() throws Exception {
        String machine = machineToken();

        assertThat(gateway.get("/api/proposals", machine).status()).as("a public read").isEqualTo(200);
        ApiClient.Response refused = gateway.get("/api/participation/participants/bill", machine);
        assertThat(refused.status()).as("anything else, a profile among them").isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(gateway.get("/api/participation/participants/bill", login("amara")).status()).as("a person's token goes through")
                .isEqualTo(404);
    }

    @Test
    void oneSwaggerUiListsTheFiveServicesDocumentsServedThroughTheGateway() {
        ApiClient.Response config = gateway.get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode url : config.body().get("urls")) {
            names.add(url.get("name").asText());
            assertThat(url.get("url").asText()).isEqualTo("/api-docs/" + url.get("name").asText());
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(LocalStack.SERVICES);

        ApiClient.Response proposalsDoc = gateway.get("/api-docs/proposals", null);
        assertThat(proposalsDoc.status()).isEqualTo(200);
        assertThat(proposalsDoc.body().get("openapi").asText()).startsWith("3.");
        assertThat(proposalsDoc.body().get("paths").has("/api/proposals")).isTrue();
        assertThat(proposalsDoc.body().at("/servers/0/url").asText()).as("try it out goes where the document was read: the gateway")
                .isEqualTo("/");

        ApiClient.Response ui = gateway.get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body().asText()).contains("Swagger UI");
    }

    static String machineToken() throws Exception {
        return machineTokenFrom(stack);
    }

    static String machineTokenFrom(LocalStack stack) throws Exception {
        String basic = Base64.getEncoder().encodeToString(
                (DemoClients.MACHINE + ":" + DemoClients.MACHINE_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).as(response.body()).isTrue();
        return token.group(1);
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/proposals"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-acting-role")
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
