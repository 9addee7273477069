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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pieces a request crosses, started once per test JVM: the real local authorization server and the real
 * proposals service, each as its own process from its executable jar (as the local stack runs them), on the shared
 * PostgreSQL and Kafka broker of the test support; and the gateway in this JVM, in front of them, with its own
 * database on the same PostgreSQL.
 *
 * <p>Only proposals runs for real. The four other services' routes point at the same proposals process through other
 * loopback addresses (127.0.0.2 to 127.0.0.5), so each route has its own upstream address that a test can see a
 * request arrive at.
 */
final class LocalStack {

    static final String WEB_ORIGIN = "http://127.0.0.1:3000";
    static final int RATE_BURST = 10;
    static final double RATE_PER_SECOND = 0.5;
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

    synchronized ConfigurableApplicationContext gateway() {
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

        gateway = startGateway(gatewayPort);
    }

    private ConfigurableApplicationContext startGateway(int port) {
        PostgresServer postgres = SharedInfrastructure.postgres();
        List<String> arguments = new ArrayList<>();
        gatewayEnvironment(port, postgres, postgres.jdbcUrl("gateway")).forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new));
    }

    /**
     * Another gateway instance, as its own process from the gateway's executable jar, configured as the stack's own
     * but on the given database. Whoever launches one {@linkplain #stopProcess(ChildProcess) stops} it.
     */
    ChildProcess launchGateway(int port, PostgresServer postgres, String jdbcUrl) {
        return awaitGateway(port, startGatewayProcess(port, postgres, jdbcUrl, RATE_PER_SECOND));
    }

    /** Starts a gateway process without waiting for it ({@link #awaitGateway}), its budgets refilled at the given rate. */
    ChildProcess startGatewayProcess(int port, PostgresServer postgres, String jdbcUrl, double requestsPerSecond) {
        Map<String, String> environment = gatewayEnvironment(port, postgres, jdbcUrl);
        environment.put("ROUNDTABLE_RATE_LIMIT_PER_SECOND", Double.toString(requestsPerSecond));
        return launch("gateway-" + port, System.getProperty("roundtable.gateway.jar"), environment);
    }

    ChildProcess awaitGateway(int port, ChildProcess gateway) {
        awaitHealthy("http://127.0.0.1:" + port, gateway);
        return gateway;
    }

    private Map<String, String> gatewayEnvironment(int port, PostgresServer postgres, String jdbcUrl) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        environment.put("PORT", Integer.toString(port));
        environment.put("ROUNDTABLE_ISSUER", issuer());
        environment.put("ROUNDTABLE_DB_URL", jdbcUrl);
        environment.put("ROUNDTABLE_DB_USER", postgres.username());
        environment.put("ROUNDTABLE_DB_PASSWORD", postgres.password());
        environment.put("ROUNDTABLE_WEB_URL", "http://127.0.0.1:" + pages.getAddress().getPort());
        environment.put("ROUNDTABLE_WEB_ORIGIN", WEB_ORIGIN);
        environment.put("ROUNDTABLE_RATE_LIMIT_BURST", Integer.toString(RATE_BURST));
        environment.put("ROUNDTABLE_RATE_LIMIT_PER_SECOND", Double.toString(RATE_PER_SECOND));
        environment.put("ROUNDTABLE_MAX_REQUEST_SIZE", MAX_REQUEST_BYTES + "B");
        SERVICES.forEach(service -> environment.put("ROUNDTABLE_" + service.toUpperCase(java.util.Locale.ROOT) + "_URL", upstream(service)));
        return environment;
    }

    /** Stops the stack's gateway and starts a new one on the same port and database, as a redeployment would. */
    synchronized void restartGateway() {
        gateway.close();
        gateway = startGateway(gatewayPort);
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

    static void stopProcess(ChildProcess process) {
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

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
