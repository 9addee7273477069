package org.roundtable.gateway;

import com.sun.net.httpserver.HttpServer;
import org.roundtable.local.ChildProcess;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The pieces a request crosses, started once per test JVM: the real local authorization server and the real
 * proposals service, each as its own process from its executable jar (as the local stack runs them), on the shared
 * PostgreSQL and Kafka broker of the test support; and the gateway in this JVM, in front of them.
 *
 * <p>Only proposals runs for real. The four other services' routes point at the same proposals process through other
 * loopback addresses (127.0.0.2 to 127.0.0.5), so each route has its own upstream address that a test can see a
 * request arrive at.
 */
final class LocalStack {

    static final String WEB_ORIGIN = "http://127.0.0.1:3000";
    static final int RATE_BURST = 10;
    static final long MAX_REQUEST_BYTES = 64 * 1024;
    static final List<String> SERVICES = List.of("proposals", "participation", "commissioning", "outcomes", "audit");

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private static LocalStack shared;
    private static RuntimeException failedToStart;

    final int identityPort = freePort();
    final int proposalsPort = freePort();
    final int gatewayPort = freePort();
    private final Path work;
    private ChildProcess identity;
    private ChildProcess proposals;
    private ConfigurableApplicationContext gateway;
    private HttpServer pages;

    private LocalStack() throws IOException {
        work = Files.createDirectories(Path.of("target", "it-stack")).toAbsolutePath();
    }

    static synchronized LocalStack shared() {
        if (failedToStart != null) {
            throw failedToStart;
        }
        if (shared == null) {
            LocalStack stack = null;
            try {
                stack = new LocalStack();
                Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
                stack.start();
                shared = stack;
            } catch (IOException | RuntimeException failure) {
                if (stack != null) {
                    stack.stop();
                }
                failedToStart = failure instanceof RuntimeException runtime ? runtime : new UncheckedIOException((IOException) failure);
                throw failedToStart;
            }
        }
        return shared;
    }

    String issuer() {
        return "http://127.0.0.1:" + identityPort;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    String proposalsUrl() {
        return "http://127.0.0.1:" + proposalsPort;
    }

    /** The upstream address each service's route is configured with. */
    String upstream(String service) {
        return "http://127.0.0." + (SERVICES.indexOf(service) + 1) + ":" + proposalsPort;
    }

    ConfigurableApplicationContext gateway() {
        return gateway;
    }

    private void start() throws IOException {
        Path identityData = Files.createTempDirectory(work, "identity");
        identity = launch("identity", System.getProperty("roundtable.identity.jar"), Map.of(
                "PORT", Integer.toString(identityPort),
                "ROUNDTABLE_ISSUER", issuer(),
                "ROUNDTABLE_DATA_DIR", identityData.toString(),
                "ROUNDTABLE_GATEWAY_REDIRECT_URIS", gatewayUrl() + "/login/oauth2/code/roundtable"));
        startProposals();
        awaitHealthy(issuer(), identity);
        pages = pagesEchoingTheirRequest();

        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--roundtable.gateway.web-url=http://127.0.0.1:" + pages.getAddress().getPort(),
                "--server.port=" + gatewayPort,
                "--ROUNDTABLE_ISSUER=" + issuer(),
                "--roundtable.gateway.web-origin=" + WEB_ORIGIN,
                "--roundtable.gateway.rate-limit.burst=" + RATE_BURST,
                "--roundtable.gateway.rate-limit.requests-per-second=0.5",
                "--roundtable.gateway.max-request-size=" + MAX_REQUEST_BYTES + "B",
                "--roundtable.gateway.services.proposals=" + upstream("proposals"),
                "--roundtable.gateway.services.participation=" + upstream("participation"),
                "--roundtable.gateway.services.commissioning=" + upstream("commissioning"),
                "--roundtable.gateway.services.outcomes=" + upstream("outcomes"),
                "--roundtable.gateway.services.audit=" + upstream("audit"));
    }

    /**
     * Stands in for the web application: answers every page with the request line and headers it received, so a test
     * sees what the gateway tells the pages about a request.
     */
    private static HttpServer pagesEchoingTheirRequest() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            StringBuilder seen = new StringBuilder(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n");
            exchange.getRequestHeaders().forEach((name, values) -> values.forEach(value -> seen.append(name).append(": ").append(value).append('\n')));
            byte[] body = seen.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    void startProposals() {
        PostgresServer postgres = SharedInfrastructure.postgres();
        proposals = launch("proposals", System.getProperty("roundtable.proposals.jar"), Map.of(
                "PORT", Integer.toString(proposalsPort),
                "ROUNDTABLE_DB_URL", postgres.jdbcUrl("gateway_proposals"),
                "ROUNDTABLE_DB_USER", postgres.username(),
                "ROUNDTABLE_DB_PASSWORD", postgres.password(),
                "ROUNDTABLE_KAFKA", SharedInfrastructure.kafka().bootstrapServers(),
                "ROUNDTABLE_ISSUER", issuer()));
        awaitHealthy(proposalsUrl(), proposals);
    }

    void stopProposals() {
        stopProcess(proposals);
    }

    private synchronized void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (pages != null) {
            pages.stop(0);
        }
        stopProcess(proposals);
        stopProcess(identity);
    }

    private static void stopProcess(ChildProcess process) {
        if (process != null) {
            process.stop(STOP_TIMEOUT);
        }
    }

    private ChildProcess launch(String name, String jar, Map<String, String> environment) {
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("no executable jar for " + name + " at " + jar
                    + "; build with -am so the reactor packages it first");
        }
        return ChildProcess.start(name, ChildProcess.java(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), List.of("-jar", jar)),
                Path.of("").toAbsolutePath(), environment, work.resolve(name + ".log"));
    }

    private static void awaitHealthy(String baseUrl, ChildProcess process) {
        process.awaitReady(START_TIMEOUT, () -> ChildProcess.reportsUp(baseUrl));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
