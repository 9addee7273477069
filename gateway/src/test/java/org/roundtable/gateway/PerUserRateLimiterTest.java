package org.roundtable.gateway;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared token buckets on a real PostgreSQL; time passing is the stored bucket's time moved back. */
class PerUserRateLimiterTest {

    private static HikariDataSource dataSource;
    private static JdbcTemplate jdbc;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void database() {
        PostgresServer server = SharedInfrastructure.postgres();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl("gateway_limits"));
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(8);
        new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @BeforeEach
    void emptyBuckets() {
        jdbc.update("delete from gateway_rate_limit");
    }

    private PerUserRateLimiter limiter(double perSecond, int burst) {
        return new PerUserRateLimiter(new GatewayProperties.RateLimit(perSecond, burst), jdbc, meters);
    }

    private static void secondsPass(String user, double seconds) {
        assertThat(jdbc.update("update gateway_rate_limit set updated_at = updated_at - make_interval(secs => ?) where user_key = ?",
                seconds, user)).isEqualTo(1);
    }

    @Test
    void allowsTheBurstThenRefusesWithTheSecondsUntilTheNextToken() {
        PerUserRateLimiter limiter = limiter(0.5, 3);

        for (int i = 2; i >= 0; i--) {
            Response allowed = limiter.take("amara");
            assertThat(allowed.isAllowed()).isTrue();
            assertThat(allowed.getHeaders()).containsEntry(PerUserRateLimiter.REMAINING, Integer.toString(i));
        }
        Response refused = limiter.take("amara");

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry(PerUserRateLimiter.RETRY_AFTER, "2")
                .containsEntry(PerUserRateLimiter.REMAINING, "0");
    }

    @Test
    void refillsAtTheConfiguredRateAndNeverBeyondTheBurst() {
        PerUserRateLimiter limiter = limiter(2, 2);
        limiter.take("bill");
        limiter.take("bill");
        assertThat(limiter.take("bill").isAllowed()).isFalse();

        secondsPass("bill", 0.5);
        assertThat(limiter.take("bill").isAllowed()).isTrue();
        assertThat(limiter.take("bill").isAllowed()).isFalse();

        secondsPass("bill", 60);
        assertThat(limiter.take("bill").isAllowed()).isTrue();
        assertThat(limiter.take("bill").isAllowed()).isTrue();
        assertThat(limiter.take("bill").isAllowed()).as("refill is capped at the burst").isFalse();
    }

    @Test
    void aRefusalSaysToWaitAtLeastOneSecondEvenWhenTheTokenIsNearlyBack() {
        PerUserRateLimiter limiter = limiter(10, 1);
        limiter.take("chen");
        secondsPass("chen", 0.05);

        assertThat(limiter.take("chen").getHeaders()).containsEntry(PerUserRateLimiter.RETRY_AFTER, "1");
    }

    @Test
    void eachUserHasTheirOwnBudget() {
        PerUserRateLimiter limiter = limiter(1, 1);
        assertThat(limiter.take("dana").isAllowed()).isTrue();
        assertThat(limiter.take("dana").isAllowed()).isFalse();

        assertThat(limiter.take("eli").isAllowed()).isTrue();
    }

    @Test
    void requestsArrivingTogetherFromManyConnectionsNeverTakeMoreThanTheBurst() throws Exception {
        PerUserRateLimiter limiter = limiter(0.001, 10);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> requests = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                requests.add(() -> limiter.take("farah").isAllowed());
            }
            int allowed = 0;
            for (Future<Boolean> answer : threads.invokeAll(requests, 30, TimeUnit.SECONDS)) {
                allowed += answer.get() ? 1 : 0;
            }

            assertThat(allowed).isEqualTo(10);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void forgetsOnlyTheBucketsThatHaveRefilledSinceTheirLastUse() {
        PerUserRateLimiter limiter = limiter(1, 5);
        limiter.take("greenshoots");
        limiter.take("hana");
        secondsPass("greenshoots", 5);

        assertThat(limiter.forgetFullBuckets()).isEqualTo(1);
        assertThat(jdbc.queryForList("select user_key from gateway_rate_limit", String.class)).containsExactly("hana");
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.take("greenshoots").isAllowed()).as("a forgotten bucket starts full").isTrue();
        }
    }

    @Test
    void whenTheDatabaseCannotBeAskedThereIsNoDecisionAndTheFailureIsCounted() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        JdbcTemplate unreachable = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + closed + "/gateway?connectTimeout=1", "roundtable", "roundtable"));
        PerUserRateLimiter limiter = new PerUserRateLimiter(new GatewayProperties.RateLimit(1, 1), unreachable, meters);

        assertThatThrownBy(() -> limiter.isAllowed("proposals", "user:ivan").block(Duration.ofSeconds(10)))
                .as("no answer, neither allowed nor refused: the gateway answers 503")
                .isInstanceOf(DataAccessException.class);
        assertThat(meters.counter(PerUserRateLimiter.STORE_FAILURES).count()).isEqualTo(1);
    }

    @Test
    void refusesANonsensicalLimit() {
        assertThatThrownBy(() -> limiter(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
