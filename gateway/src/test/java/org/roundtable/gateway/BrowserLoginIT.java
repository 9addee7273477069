package org.roundtable.gateway;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.Eventually;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's way in: an unauthenticated page request is sent to the authorization server, the person logs in on its
 * form, the gateway exchanges the code (with PKCE) and from then on relays the session's access token to the services.
 */
@Tag("local-stack")
class BrowserLoginIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

    static LocalStack stack;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void stack() {
        stack = LocalStack.shared();
    }

    @Test
    void aPersonLogsInThroughTheAuthorizationCodeFlowAndTheirSessionReachesTheService() throws Exception {
        URI back = signIn("amara");

        HttpResponse<String> proposals = get(back, "application/json");
        assertThat(proposals.statusCode()).as(proposals.body()).isEqualTo(200);
        assertThat(proposals.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");

        // a write from the session needs the CSRF token the gateway gave the page; the service sees amara, a citizen
        String draft = "{\"title\":\"Seed library\",\"aspiration\":\"Gardeners swap seeds they saved and the know-how with them\","
                + "\"serviceArea\":\"Libraries\",\"assets\":[{\"kind\":\"KNOWLEDGE\",\"description\":\"Seed saving\",\"holder\":\"Gardeners\"}],"
                + "\"ask\":{\"money\":{\"amount\":\"150.00\",\"currency\":\"GBP\"},\"otherResources\":[\"a card index cabinet\"]},\"intendedOutcomes\":[\"Local varieties kept alive\"]}";
        URI api = URI.create(stack.gatewayUrl() + "/api/proposals");
        assertThat(send(api, draft, null).statusCode()).as("session write without CSRF").isEqualTo(403);
        HttpResponse<String> drafted = send(api, draft, xsrf());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String id = drafted.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Eventually.within(Duration.ofSeconds(20), () -> {
            HttpResponse<String> read = get(URI.create(stack.gatewayUrl() + "/api/proposals/" + id), "application/json");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).contains("\"amara\"").contains("Seed library");
        });
    }

    @Test
    void anAnonymousBrowserGetsNoSessionAndIsSentToSignIn() throws Exception {
        for (String path : List.of("/api/proposals?page=1", "/api/commissioning/cases", "/", "/proposals")) {
            HttpResponse<String> answer = get(URI.create(stack.gatewayUrl() + path), "text/html");

            assertThat(answer.headers().allValues("Set-Cookie")).as(path).noneMatch(cookie -> cookie.startsWith("SESSION="));
            if (path.startsWith("/api")) {
                assertThat(answer.statusCode()).as(path).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location").orElse("")).endsWith("/oauth2/authorization/roundtable");
            }
        }
        assertThat(cookies.getCookieStore().getCookies()).noneMatch(cookie -> cookie.getName().equals("SESSION"));
    }

    @Test
    void thePagesAreToldThePublicHostNeverOneACallerForged() throws Exception {
        URI gateway = URI.create(stack.gatewayUrl());
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /register/feed.atom HTTP/1.1\r\nHost: evil.example\r\n"
                    + "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Port: 666\r\n"
                    + "Forwarded: host=evil.example;proto=https\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 200").contains("GET /register/feed.atom");
            String told = answer.toLowerCase(java.util.Locale.ROOT);
            assertThat(told).contains("x-forwarded-host: " + URI.create(LocalStack.WEB_ORIGIN).getAuthority())
                    .contains("x-forwarded-proto: http\n").contains("x-forwarded-port: " + URI.create(LocalStack.WEB_ORIGIN).getPort())
                    .doesNotContain("evil.example").doesNotContain("666").doesNotContain("forwarded: host");
        }
    }

    @Test
    void anApiClientWithoutATokenIsNotRedirectedToALoginPage() throws Exception {
        HttpResponse<String> refused = get(URI.create(stack.gatewayUrl() + "/api/proposals"), "application/json");

        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    void aSignedInSessionOutlivesARestartOfTheGateway() throws Exception {
        URI api = signIn("bill");
        assertThat(get(api, "application/json").statusCode()).isEqualTo(200);

        stack.restartGateway();

        HttpResponse<String> afterRestart = get(api, "application/json");
        assertThat(afterRestart.statusCode()).as("the same cookie after the restart: " + afterRestart.body()).isEqualTo(200);
        // a write needs the session's access token relayed to the service, which accepts bill as a citizen
        String draft = "{\"title\":\"Tool library\",\"aspiration\":\"Neighbours lend each other the tools they seldom use\","
                + "\"serviceArea\":\"Libraries\",\"assets\":[{\"kind\":\"PLACE\",\"description\":\"A shed behind the library\",\"holder\":\"Neighbours\"}],"
                + "\"ask\":{\"money\":{\"amount\":\"90.00\",\"currency\":\"GBP\"},\"otherResources\":[\"shelving\"]},\"intendedOutcomes\":[\"Fewer tools bought\"]}";
        HttpResponse<String> drafted = send(api, draft, xsrf());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
    }

    /**
     * Signs the person in from a page request, through the authorization server's login form, and returns the address
     * the gateway sends the browser back to (the API's list of proposals, the page first asked for).
     */
    private URI signIn(String username) throws Exception {
        URI page = URI.create(stack.gatewayUrl() + "/api/proposals");

        HttpResponse<String> first = get(page, "text/html");
        assertThat(first.statusCode()).isEqualTo(302);
        URI startLogin = location(page, first);
        assertThat(startLogin.getPath()).isEqualTo("/oauth2/authorization/roundtable");

        URI authorize = location(startLogin, get(startLogin, "text/html"));
        assertThat(authorize.toString()).startsWith(stack.issuer() + "/oauth2/authorize")
                .contains("client_id=roundtable-gateway").contains("code_challenge=").contains("code_challenge_method=S256");

        URI loginPage = location(authorize, get(authorize, "text/html"));
        assertThat(loginPage.toString()).isEqualTo(stack.issuer() + "/login");
        HttpResponse<String> form = get(loginPage, "text/html");
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();

        HttpResponse<String> withoutCsrf = post(loginPage, "username=" + username + "&password=roundtable");
        assertThat(withoutCsrf.statusCode()).as("login without the CSRF token").isEqualTo(403);

        HttpResponse<String> loggedIn = post(loginPage, "username=" + username + "&password=roundtable&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));
        URI resume = location(loginPage, loggedIn);
        URI callback = location(resume, get(resume, "text/html"));
        assertThat(callback.toString()).startsWith(stack.gatewayUrl() + "/login/oauth2/code/roundtable?code=");

        URI back = location(callback, get(callback, "text/html"));
        assertThat(back.getPath()).isEqualTo("/api/proposals");
        return back;
    }

    private String xsrf() {
        return cookies.getCookieStore().get(URI.create(stack.gatewayUrl())).stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private HttpResponse<String> get(URI uri, String accept) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(URI uri, String json, String xsrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI location(URI from, HttpResponse<String> response) {
        assertThat(response.statusCode()).as("redirect from " + from + ": " + response.body()).isBetween(300, 399);
        return from.resolve(response.headers().firstValue("Location").orElseThrow());
    }
}
