package org.roundtable.kit.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roundtable.events.EventJson;
import org.roundtable.kit.sample.SampleApplication;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.AnotherInstance;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.TestTokens;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service whose PostgreSQL is killed outright: every request that needs the database is answered 503 as
 * problem+json with {@code Retry-After} and a detail that names nothing inside the service, and once PostgreSQL is
 * back the same requests are carried out. The service runs on a PostgreSQL of its own (the family's shared one is
 * not stopped), beside the family's context.
 */
class DatabaseOutageIT {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String DATABASE = "kit_outage";
    private static final Duration REFUSAL_TIME = Duration.ofSeconds(7);

    private static Path data;
    private static int databasePort;
    private static PostgresServer postgres;
    private static AnotherInstance service;

    @BeforeAll
    static void startServiceOnItsOwnDatabase() throws IOException {
        data = Files.createTempDirectory("roundtable-outage-postgres");
        try (ServerSocket free = new ServerSocket(0)) {
            databasePort = free.getLocalPort();
        }
        postgres = PostgresServer.embedded(data, databasePort);
        service = AnotherInstance.start(SampleApplication.class, "kit", "outage",
                "spring.datasource.url=" + postgres.jdbcUrl(DATABASE),
                "spring.datasource.username=" + postgres.username(),
                "spring.datasource.password=" + postgres.password(),
                "roundtable.inbox.enabled=false",
                "roundtable.relay.enabled=false");
    }

    @AfterAll
    static void stopServiceAndDatabase() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.stop();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void whileThePostgresIsDownRequestsAreAnswered503WithRetryAfterAndOnceItIsBackTheyAreCarriedOut() throws Exception {
        String token = TestTokens.shared().mint("citizen-outage", "Citizen Outage", "CITIZEN");
        ApiClient api = ApiClient.onPort(service.port());
        String sample = api.send("POST", "/api/samples", token, title("Night market")).expect(201).body().get("id").asText();
        String idempotencyKey = UUID.randomUUID().toString();

        postgres.kill();
        try {
            // each within the 5 s the kit's pool waits for a connection it cannot open, not the pool's own 30 s
            List<ApiClient.Response> refused = List.of(
                    answeredWithin(REFUSAL_TIME, () -> api.send("POST", "/api/samples", token, title("Winter fair"))),
                    answeredWithin(REFUSAL_TIME, () -> api.send("PUT", "/api/samples/" + sample + "/title", token, title("Night market, late"))),
                    // the idempotency filter reaches the database before any controller does
                    answeredWithin(REFUSAL_TIME, () -> api.send("POST", "/api/samples", token, title("Book swap"), "Idempotency-Key", idempotencyKey)));
            for (ApiClient.Response response : refused) {
                assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(503);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.header("Retry-After")).isEqualTo("5");
                assertThat(response.body().get("title").asText()).isEqualTo("Service unavailable");
                assertThat(response.body().get("detail").asText())
                        .isEqualTo("the service cannot answer for a moment; try again in 5 seconds");
            }
        } finally {
            postgres = PostgresServer.embedded(data, databasePort);
        }

        Eventually.within(Duration.ofSeconds(60), () -> assertThat(api.send("POST", "/api/samples", token, title("Winter fair"))
                .status()).isEqualTo(201));
        assertThat(api.send("PUT", "/api/samples/" + sample + "/title", token, title("Night market, late")).status()).isEqualTo(200);
        assertThat(api.send("POST", "/api/samples", token, title("Book swap"), "Idempotency-Key", idempotencyKey).status())
                .isEqualTo(201);
    }

    @Test
    void aReadCutOffInsideItsTransactionByThePostgresShuttingDownIsAnswered503AndCarriedOutOnceItIsBack() throws Exception {
        String token = TestTokens.shared().mint("citizen-cut-off", "Citizen Cut Off", "CITIZEN");
        ApiClient api = ApiClient.onPort(service.port());
        String sample = api.send("POST", "/api/samples", token, title("Tool library")).expect(201).body().get("id").asText();
        Eventually.within(Duration.ofSeconds(30), () -> assertThat(api.send("GET", "/api/samples/" + sample, token, null).status())
                .isEqualTo(200));

        ApiClient.Response cutOff;
        try (Connection locker = connect(); Connection watcher = connect()) {
            // the read waits for the table inside its transaction, on a connection it holds, when the server shuts down:
            // the query ends "terminating connection due to administrator command" and the rollback after it fails too
            locker.setAutoCommit(false);
            locker.createStatement().execute("lock table sample_view in access exclusive mode");
            CompletableFuture<ApiClient.Response> reading = CompletableFuture.supplyAsync(
                    () -> api.send("GET", "/api/samples/" + sample, token, null));
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(readsWaitingForALock(watcher)).isEqualTo(1));
            postgres.stop();
            cutOff = reading.get(30, TimeUnit.SECONDS);
        } finally {
            postgres = PostgresServer.embedded(data, databasePort);
        }

        assertThat(cutOff.status()).as(String.valueOf(cutOff.body())).isEqualTo(503);
        assertThat(cutOff.contentType()).startsWith("application/problem+json");
        assertThat(cutOff.header("Retry-After")).isEqualTo("5");
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(api.send("GET", "/api/samples/" + sample, token, null).body()
                .get("title").asText()).isEqualTo("Tool library"));
    }

    private static ApiClient.Response answeredWithin(Duration limit, Callable<ApiClient.Response> request) throws Exception {
        long started = System.nanoTime();
        ApiClient.Response response = request.call();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit);
        return response;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
    }

    private static int readsWaitingForALock(Connection watcher) throws SQLException {
        try (PreparedStatement waiting = watcher.prepareStatement(
                "select count(*) from pg_stat_activity where datname = ? and wait_event_type = 'Lock' and query ilike '%sample_view%'")) {
            waiting.setString(1, DATABASE);
            try (ResultSet count = waiting.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }

    private static String title(String title) throws Exception {
        return JSON.writeValueAsString(Map.of("title", title));
    }
}
