package org.roundtable.gateway;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * An in-memory token bucket per user, for one gateway instance (no Redis). A refused request is told, in
 * {@code Retry-After}, how many whole seconds until a token is free again. Memory is bounded: past
 * {@code maxTrackedUsers} the least recently seen user's bucket is dropped, and that user starts again with a full one.
 */
public class PerUserRateLimiter implements RateLimiter<Object> {

    static final String RETRY_AFTER = "Retry-After";
    static final String REMAINING = "X-RateLimit-Remaining";

    private final double tokensPerNano;
    private final int burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets;

    public PerUserRateLimiter(GatewayProperties.RateLimit limit, LongSupplier nanoClock) {
        if (limit.requestsPerSecond() <= 0 || limit.burst() < 1 || limit.maxTrackedUsers() < 1) {
            throw new IllegalArgumentException("rate limit needs a positive rate, burst and number of tracked users: " + limit);
        }
        this.tokensPerNano = limit.requestsPerSecond() / 1_000_000_000d;
        this.burst = limit.burst();
        this.nanoClock = nanoClock;
        int maxTrackedUsers = limit.maxTrackedUsers();
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxTrackedUsers;
            }
        };
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String user) {
        return Mono.fromSupplier(() -> take(user));
    }

    Response take(String user) {
        long now = nanoClock.getAsLong();
        synchronized (buckets) {
            Bucket bucket = buckets.computeIfAbsent(user, absent -> new Bucket(burst, now));
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) * tokensPerNano);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Response(true, Map.of(REMAINING, Long.toString((long) bucket.tokens)));
            }
            long secondsUntilToken = (long) Math.ceil((1 - bucket.tokens) / tokensPerNano / 1_000_000_000d);
            return new Response(false, Map.of(REMAINING, "0", RETRY_AFTER, Long.toString(Math.max(1, secondsUntilToken))));
        }
    }

    int trackedUsers() {
        synchronized (buckets) {
            return buckets.size();
        }
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
