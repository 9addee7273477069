package org.roundtable.kit.deadletter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailedEventsTest {

    private final FailedEvents failures = new FailedEvents(3);

    @Test
    void anEventIsGivenUpOnlyOnceItsAttemptsAreUsedUpAndThenOnlyOnce() {
        IllegalStateException last = new IllegalStateException("third");

        assertThat(failures.failed("views", "event-1", new IllegalStateException("first"))).isEqualTo(1);
        assertThat(failures.exhausted("views", "event-1")).isEmpty();
        assertThat(failures.failed("views", "event-1", new IllegalStateException("second"))).isEqualTo(2);
        assertThat(failures.failed("views", "event-1", last)).isEqualTo(3);

        assertThat(failures.exhausted("views", "event-1")).containsSame(last);
        assertThat(failures.exhausted("views", "event-1")).isEmpty();
    }

    @Test
    void eachProcessingGroupCountsItsOwnAttemptsAndASuccessForgetsThem() {
        failures.failed("views", "event-1", new IllegalStateException("views"));
        failures.failed("views", "event-1", new IllegalStateException("views"));
        failures.failed("kafka-relay", "event-1", new IllegalStateException("relay"));
        failures.succeeded("views", "event-1");
        failures.failed("views", "event-1", new IllegalStateException("views again"));

        assertThat(failures.failed("views", "event-1", new IllegalStateException("views"))).isEqualTo(2);
        assertThat(failures.failed("kafka-relay", "event-1", new IllegalStateException("relay"))).isEqualTo(2);
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> new FailedEvents(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("roundtable.dead-letters.attempts");
    }
}
