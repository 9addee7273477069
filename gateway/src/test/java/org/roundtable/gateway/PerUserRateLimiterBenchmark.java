package org.roundtable.gateway;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints what a rate-limit decision costs on the shared PostgreSQL budgets: decisions per second and the latency each
 * adds to a request (p50, p99, max), for a few user populations and numbers of concurrent requests. A program, not a
 * test, run as the README's "Benchmarks" says.
 */
public final class PerUserRateLimiterBenchmark {

    public static void main(String[] args) throws Exception {
        int decisions = Integer.getInteger("decisions", 20_000);
        PostgresServer server = SharedInfrastructure.postgres();
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(server.jdbcUrl("gateway_benchmark"));
            dataSource.setUsername(server.username());
            dataSource.setPassword(server.password());
            dataSource.setMaximumPoolSize(10);
            new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            System.out.printf("PostgreSQL (%s), %,d decisions per run%n", server.kind(), decisions);
            for (int users : new int[] {100, 10_000, 100_000}) {
                for (int threads : new int[] {1, 8}) {
                    jdbc.update("delete from gateway_rate_limit");
                    PerUserRateLimiter limiter = new PerUserRateLimiter(new GatewayProperties.RateLimit(20, 40), jdbc, new SimpleMeterRegistry());
                    measure(limiter, users, threads, decisions / 10, new long[decisions / 10]);
                    long[] nanos = new long[decisions];
                    long started = System.nanoTime();
                    long allowed = measure(limiter, users, threads, decisions, nanos);
                    double seconds = (System.nanoTime() - started) / 1e9;
                    Arrays.sort(nanos);
                    System.out.printf("users=%,7d concurrent=%d  %,8.0f decisions/s  p50 %.2f ms  p99 %.2f ms  max %.1f ms  allowed=%,d%n",
                            users, threads, decisions / seconds, nanos[decisions / 2] / 1e6, nanos[decisions * 99 / 100] / 1e6,
                            nanos[decisions - 1] / 1e6, allowed);
                }
            }
        }
    }

    private static long measure(PerUserRateLimiter limiter, int users, int threads, int decisions, long[] nanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong allowed = new AtomicLong();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            work.add(pool.submit(() -> {
                for (int i = offset; i < decisions; i += threads) {
                    long started = System.nanoTime();
                    boolean allowedNow = limiter.take("user-" + (i * 2654435761L) % users).isAllowed();
                    nanos[i] = System.nanoTime() - started;
                    if (allowedNow) {
                        allowed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        pool.shutdown();
        return allowed.get();
    }

    private PerUserRateLimiterBenchmark() {
    }
}
