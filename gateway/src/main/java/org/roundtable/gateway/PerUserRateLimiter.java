package org.roundtable.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Locale;
import java.util.Map;

/**
 * A token bucket per user, kept in the gateway's PostgreSQL database so that every gateway instance draws on the same
 * budget. Each decision is one statement: an upsert that refills the user's bucket by the time passed since it was
 * last touched (by the database's clock, the same for every instance), takes a token if a whole one is there, and
 * returns what is left. The row lock serializes one user's concurrent requests, from any instance. A refused request
 * is told, in {@code Retry-After}, how many whole seconds until a token is free again.
 *
 * <p>The buckets' table is unlogged: it is not written ahead, so a decision costs no disk flush, and a crash of the
 * database only gives everyone a full bucket again. A bucket untouched long enough to have refilled is the same as
 * none, so such rows are {@linkplain #forgetFullBuckets() forgotten}.
 *
 * <p>When the database cannot be asked, the request is refused with 503 (fail closed, see {@link GatewayProblems}): the
 * budget is never bypassed, and without PostgreSQL no service could answer anyway. Each such refusal is counted
 * ({@value #STORE_FAILURES}).
 */
public class PerUserRateLimiter implements RateLimiter<Object> {

    static final String RETRY_AFTER = "Retry-After";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String STORE_FAILURES = "roundtable.gateway.rate.limit.store.failures";

    private static final Logger log = LoggerFactory.getLogger(PerUserRateLimiter.class);

    private final double requestsPerSecond;
    private final int burst;
    private final JdbcTemplate jdbc;
    private final String take;
    private final String forget;
    private final Counter storeFailures;

    public PerUserRateLimiter(GatewayProperties.RateLimit limit, JdbcTemplate jdbc, MeterRegistry meters) {
        if (limit.requestsPerSecond() <= 0 || limit.burst() < 1) {
            throw new IllegalArgumentException("rate limit needs a positive rate and burst: " + limit);
        }
        this.requestsPerSecond = limit.requestsPerSecond();
        this.burst = limit.burst();
        this.jdbc = jdbc;
        // the limits are numbers from the configuration, written into the statement once
        String rate = String.format(Locale.ROOT, "%.9f", requestsPerSecond);
        String refilled = "least(" + burst + ", bucket.tokens + " + rate
                + " * greatest(0, extract(epoch from statement_timestamp() - bucket.updated_at)))";
        this.take = "insert into gateway_rate_limit as bucket (user_key, tokens, allowed, updated_at)"
                + " values (?, " + (burst - 1) + ", true, statement_timestamp())"
                + " on conflict (user_key) do update set"
                + " tokens = " + refilled + " - case when " + refilled + " >= 1 then 1 else 0 end,"
                + " allowed = " + refilled + " >= 1,"
                + " updated_at = greatest(bucket.updated_at, statement_timestamp())"
                + " returning tokens, allowed";
        this.forget = "delete from gateway_rate_limit where updated_at < statement_timestamp() - make_interval(secs => "
                + String.format(Locale.ROOT, "%.3f", burst / requestsPerSecond) + ")";
        this.storeFailures = Counter.builder(STORE_FAILURES)
                .description("requests refused with 503 because the rate limit's database could not be asked")
                .register(meters);
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String user) {
        return Mono.fromCallable(() -> take(user))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnError(DataAccessException.class, failure -> {
                    storeFailures.increment();
                    log.warn("the rate limit's database could not be asked; refusing the request: {}", failure.getMessage());
                });
    }

    Response take(String user) {
        return jdbc.queryForObject(take, (row, number) -> {
            double tokens = row.getDouble("tokens");
            if (row.getBoolean("allowed")) {
                return new Response(true, Map.of(REMAINING, Long.toString((long) tokens)));
            }
            long secondsUntilToken = (long) Math.ceil((1 - tokens) / requestsPerSecond);
            return new Response(false, Map.of(REMAINING, "0", RETRY_AFTER, Long.toString(Math.max(1, secondsUntilToken))));
        }, user);
    }

    /** Deletes the buckets that have refilled to the full burst since they were last used; returns how many. */
    int forgetFullBuckets() {
        return jdbc.update(forget);
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Object> getConfigClass() {
        return Object.class;
    }

    @Override
    public Object newConfig() {
        return new Object();
    }
}
