package org.roundtable.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.roundtable.identity.DemoLogin;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.local.ChildProcess;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.SharedInfrastructure;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances, each a process from the gateway's jar, on one database, as behind a balancer: a user's
 * request budget is one, whichever instance their requests reach. And what a gateway does when its database cannot be
 * asked.
 */
@Tag("local-stack")
class SharedRateLimitIT {

    /** One token every 100 s: nothing refills while a test runs, however slow the machine. */
    static final double SLOW_REFILL = 0.01;

    static LocalStack stack;
    static List<ChildProcess> processes;
    static List<ApiClient> gateways;

    @BeforeAll
    static void twoGatewaysOnOneDatabase() {
        stack = LocalStack.shared();
        PostgresServer postgres = SharedInfrastructure.postgres();
        String database = postgres.jdbcUrl("gateway_pair");
        List<Integer> ports = List.of(LocalStack.freePort(), LocalStack.freePort());
        List<ChildProcess> started = ports.stream().map(port -> stack.startGatewayProcess(port, postgres, database, SLOW_REFILL)).toList();
        processes = started;
        for (int i = 0; i < ports.size(); i++) {
            stack.awaitGateway(ports.get(i), started.get(i));
        }
        gateways = ports.stream().map(port -> new ApiClient("http://127.0.0.1:" + port)).toList();
        // budgets a run before this one left on a server that outlives the test JVM
        try (Connection connection = DriverManager.getConnection(database, postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("delete from gateway_rate_limit");
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    @AfterAll
    static void stopGateways() {
        if (processes != null) {
            processes.forEach(LocalStack::stopProcess);
        }
    }

    private static String login(String username) {
        return new DemoLogin(stack.issuer()).accessToken(username, "roundtable");
    }

    @Test
    void aUsersRequestsSpreadOverTwoGatewaysDrawOnOneBudget() {
        String farah = login("farah");
        int allowed = 0;
        ApiClient.Response refused = null;
        // each instance alone would allow a whole burst: twice the burst in all
        for (int i = 0; i < 2 * LocalStack.RATE_BURST + 2 && refused == null; i++) {
            ApiClient.Response response = gateways.get(i % 2).get("/api/proposals", farah);
            if (response.status() == 429) {
                refused = response;
            } else {
                assertThat(response.status()).as("request %d", i).isEqualTo(200);
                allowed++;
            }
        }

        assertThat(refused).as("a request past the one shared burst is refused").isNotNull();
        assertThat(allowed).isEqualTo(LocalStack.RATE_BURST);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("status").asInt()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(90L, 100L);
        for (ApiClient gateway : gateways) {
            assertThat(gateway.get("/api/proposals", farah).status()).as("farah at either gateway").isEqualTo(429);
        }

        String greenshoots = login("greenshoots");
        for (ApiClient gateway : gateways) {
            assertThat(gateway.get("/api/proposals", greenshoots).status()).as("another user's budget").isEqualTo(200);
        }
    }

    /**
     * Fail closed: a request whose budget cannot be checked is refused with 503 problem+json and counted, never let
     * through unchecked; once the database is back, requests pass again without a restart of the gateway.
     */
    @Test
    void whileItsDatabaseIsDownTheGatewayRefusesWith503AndRecoversWhenItIsBack() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "gateway-outage");
        int postgresPort = LocalStack.freePort();
        PostgresServer postgres = PostgresServer.embedded(data, postgresPort);
        int port = LocalStack.freePort();
        ChildProcess gateway = stack.launchGateway(port, postgres, postgres.jdbcUrl("gateway"));
        try {
            ApiClient client = new ApiClient("http://127.0.0.1:" + port);
            String chen = login("chen");
            assertThat(client.get("/api/proposals", chen).status()).isEqualTo(200);

            postgres.stop();
            ApiClient.Response refused = client.get("/api/proposals", chen);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().get("status").asInt()).isEqualTo(503);
            assertThat(refused.body().get("detail").asText()).isEqualTo(GatewayProblems.DATABASE_UNREACHABLE);
            assertThat(refused.header("Retry-After")).isEqualTo(Long.toString(GatewayProblems.DATABASE_RETRY_SECONDS));
            assertThat(client.get("/actuator/prometheus", null).body().asText())
                    .containsPattern("roundtable_gateway_rate_limit_store_failures_total\\{[^}]*} 1\\.0");

            postgres = PostgresServer.embedded(data, postgresPort);
            // the pool opens new connections to the restarted server, with no restart of the gateway
            Eventually.within(Duration.ofSeconds(30), () -> assertThat(client.get("/api/proposals", chen).status())
                    .as("the database is back").isEqualTo(200));
        } finally {
            LocalStack.stopProcess(gateway);
            postgres.stop();
        }
    }
}
