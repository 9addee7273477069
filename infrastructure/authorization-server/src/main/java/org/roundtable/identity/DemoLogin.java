package org.roundtable.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Logs a demo account in as a person would, through the authorization-code flow with PKCE of the
 * {@value DemoClients#CLI} client: the authorize request, the login form with its CSRF token, the redirect to the
 * loopback URI, and the code exchanged for tokens. Uses nothing but the JDK.
 *
 * <pre>{@code String token = new DemoLogin("http://127.0.0.1:9000").accessToken("amara", "roundtable");}</pre>
 *
 * From a terminal: {@code java -cp roundtable-authorization-server-0.1.0-SNAPSHOT.jar org.roundtable.identity.DemoLogin amara}
 * prints an access token (the password defaults to the demo password; {@code ROUNDTABLE_ISSUER} names the server).
 */
public final class DemoLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"_csrf\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI issuer;

    public DemoLogin(String issuerUri) {
        this.issuer = URI.create(issuerUri.endsWith("/") ? issuerUri : issuerUri + "/");
    }

    /** Thrown when the server refuses the login or answers something a login does not expect. */
    public static final class LoginFailed extends RuntimeException {
        LoginFailed(String message) {
            super(message);
        }
    }

    /** The access token the server issues to this account after a full browser-style login. */
    public String accessToken(String username, String password) {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
        String verifier = randomToken(32);
        String state = randomToken(16);
        URI authorize = issuer.resolve("oauth2/authorize?" + form(Map.of(
                "response_type", "code",
                "client_id", DemoClients.CLI,
                "redirect_uri", DemoClients.CLI_REDIRECT_URI,
                "scope", "openid profile",
                "state", state,
                "code_challenge", challenge(verifier),
                "code_challenge_method", "S256")));

        HttpResponse<String> toLogin = send(http, get(authorize));
        URI loginPage = redirect(authorize, toLogin, "the authorize request");
        HttpResponse<String> page = send(http, get(loginPage));
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new LoginFailed("no login form at " + loginPage + " (status " + page.statusCode() + ")");
        }
        String csrfToken = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        HttpResponse<String> loggedIn = send(http, post(loginPage, Map.of(
                "username", username, "password", password, "_csrf", csrfToken)));
        URI afterLogin = redirect(loginPage, loggedIn, "the login form");
        if (afterLogin.getPath().endsWith("/login") && afterLogin.getQuery() != null && afterLogin.getQuery().contains("error")) {
            throw new LoginFailed("the server refused the credentials of '" + username + "'");
        }

        URI callback = afterLogin;
        for (int hops = 0; !callback.toString().startsWith(DemoClients.CLI_REDIRECT_URI); hops++) {
            if (hops == 5) {
                throw new LoginFailed("the authorization code never reached " + DemoClients.CLI_REDIRECT_URI);
            }
            callback = redirect(callback, send(http, get(callback)), "the authorization request after login");
        }
        Map<String, String> answer = query(callback);
        if (answer.containsKey("error")) {
            throw new LoginFailed("authorization refused: " + answer.get("error") + " " + answer.getOrDefault("error_description", ""));
        }
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new LoginFailed("the redirect carried no code for this login: " + callback);
        }

        HttpResponse<String> tokens = send(http, post(issuer.resolve("oauth2/token"), Map.of(
                "grant_type", "authorization_code",
                "code", answer.get("code"),
                "redirect_uri", DemoClients.CLI_REDIRECT_URI,
                "client_id", DemoClients.CLI,
                "code_verifier", verifier)));
        Matcher accessToken = ACCESS_TOKEN.matcher(tokens.body());
        if (tokens.statusCode() != 200 || !accessToken.find()) {
            throw new LoginFailed("the code exchange failed with " + tokens.statusCode() + ": " + tokens.body());
        }
        return accessToken.group(1);
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DemoLogin <username> [password]   (issuer from ROUNDTABLE_ISSUER, default http://127.0.0.1:9000)");
            System.exit(2);
        }
        String issuer = System.getenv().getOrDefault("ROUNDTABLE_ISSUER", "http://127.0.0.1:9000");
        try {
            System.out.println(new DemoLogin(issuer).accessToken(args[0], args.length == 2 ? args[1] : DemoAccounts.PASSWORD));
        } catch (LoginFailed failed) {
            System.err.println("login failed: " + failed.getMessage());
            System.exit(1);
        }
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html").GET().build();
    }

    private static HttpRequest post(URI uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new LoginFailed("cannot reach " + request.uri() + ": " + failure.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new LoginFailed("interrupted while calling " + request.uri());
        }
    }

    private static URI redirect(URI from, HttpResponse<String> response, String step) {
        String location = response.headers().firstValue("Location").orElse(null);
        if (response.statusCode() / 100 != 3 || location == null) {
            throw new LoginFailed(step + " answered " + response.statusCode() + " instead of a redirect");
        }
        return from.resolve(location);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
