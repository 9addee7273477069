package org.roundtable.identity;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The authorization server started for a test on a free port of loopback alone, its issuer on that port, and an HTTP
 * client that shows its redirects instead of following them.
 */
final class LoopbackServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    private final String[] settings;
    private ConfigurableApplicationContext context;

    private LoopbackServer(int port, String[] settings) {
        this.port = port;
        this.settings = settings;
    }

    /** Starts the server keeping its data (its signing key) in {@code dataDir}, with these further settings. */
    static LoopbackServer start(Path dataDir, String... settings) {
        LoopbackServer server = new LoopbackServer(freePort(), settings);
        server.startWith(dataDir);
        return server;
    }

    /** Stops the server and starts it again on the same port, so with the same issuer, keeping its data in {@code dataDir}. */
    void restart(Path dataDir) {
        close();
        startWith(dataDir);
    }

    private void startWith(Path dataDir) {
        context = AuthorizationServerApplication.start(Stream.concat(Stream.of("--server.port=" + port, "--server.address=127.0.0.1",
                "--roundtable.identity.issuer=" + issuer(), "--roundtable.identity.data-dir=" + dataDir), Stream.of(settings)).toArray(String[]::new));
    }

    String issuer() {
        return "http://127.0.0.1:" + port;
    }

    /** Validates a token as a resource server trusting this issuer would: its signature by the published keys, and its issuer. */
    JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer() + "/oauth2/jwks").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer()));
        return decoder;
    }

    /** GET of a path (with its query) on the server, with headers as name, value, ... */
    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).GET());
    }

    /** POST of an HTML form's fields, encoded, to a path on the server, with headers as name, value, ... */
    HttpResponse<String> postForm(String path, String form, String... headers) throws IOException, InterruptedException {
        return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer() + path));
        return headers.length == 0 ? request : request.headers(headers);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    private static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException noPort) {
            throw new UncheckedIOException(noPort);
        }
    }
}
