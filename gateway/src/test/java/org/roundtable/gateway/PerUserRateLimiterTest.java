package org.roundtable.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerUserRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);

    private PerUserRateLimiter limiter(double perSecond, int burst, int users) {
        return new PerUserRateLimiter(new GatewayProperties.RateLimit(perSecond, burst, users), now::get);
    }

    @Test
    void allowsTheBurstThenRefusesWithTheSecondsUntilTheNextToken() {
        PerUserRateLimiter limiter = limiter(0.5, 3, 100);

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
        PerUserRateLimiter limiter = limiter(2, 2, 100);
        limiter.take("bill");
        limiter.take("bill");
        assertThat(limiter.take("bill").isAllowed()).isFalse();

        now.addAndGet(SECOND / 2);
        assertThat(limiter.take("bill").isAllowed()).isTrue();
        assertThat(limiter.take("bill").isAllowed()).isFalse();

        now.addAndGet(60 * SECOND);
        assertThat(limiter.take("bill").isAllowed()).isTrue();
        assertThat(limiter.take("bill").isAllowed()).isTrue();
        assertThat(limiter.take("bill").isAllowed()).as("refill is capped at the burst").isFalse();
    }

    @Test
    void aRefusalSaysToWaitAtLeastOneSecondEvenWhenTheTokenIsNearlyBack() {
        PerUserRateLimiter limiter = limiter(10, 1, 100);
        limiter.take("chen");
        now.addAndGet(SECOND / 20);

        assertThat(limiter.take("chen").getHeaders()).containsEntry(PerUserRateLimiter.RETRY_AFTER, "1");
    }

    @Test
    void eachUserHasTheirOwnBudget() {
        PerUserRateLimiter limiter = limiter(1, 1, 100);
        assertThat(limiter.take("dana").isAllowed()).isTrue();
        assertThat(limiter.take("dana").isAllowed()).isFalse();

        assertThat(limiter.take("eli").isAllowed()).isTrue();
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfUsersForgettingTheLeastRecentlySeen() {
        PerUserRateLimiter limiter = limiter(1, 1, 2);
        limiter.take("farah");
        limiter.take("hana");
        limiter.take("farah");
        limiter.take("greenshoots");

        assertThat(limiter.trackedUsers()).isEqualTo(2);
        assertThat(limiter.take("farah").isAllowed()).as("farah was seen recently, her bucket is empty").isFalse();
        assertThat(limiter.take("hana").isAllowed()).as("hana was forgotten and starts afresh").isTrue();
    }

    @Test
    void refusesANonsensicalLimit() {
        assertThatThrownBy(() -> limiter(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
