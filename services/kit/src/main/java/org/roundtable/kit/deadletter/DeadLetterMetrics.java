package org.roundtable.kit.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * Per processing group: {@code roundtable.dead.letters} (events waiting in the dead-letter queue, the failed ones and
 * those of the same aggregates held behind them), {@code roundtable.dead.letters.sequences} (aggregates held),
 * {@code roundtable.event.handling.failures} (failed attempts, each retried or dead-lettered),
 * {@code roundtable.dead.letters.enqueued} (events set aside after their last attempt) and
 * {@code roundtable.dead.letters.replayed} (by outcome: {@code handled} or {@code failed}).
 */
public class DeadLetterMetrics {

    private static final String GROUP = "group";

    private final MeterRegistry registry;

    public DeadLetterMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void watch(String group, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        Gauge.builder("roundtable.dead.letters", queue, SequencedDeadLetterQueue::size)
                .description("Events waiting in the processing group's dead-letter queue").tag(GROUP, group).register(registry);
        Gauge.builder("roundtable.dead.letters.sequences", queue, SequencedDeadLetterQueue::amountOfSequences)
                .description("Aggregates whose events wait in the processing group's dead-letter queue").tag(GROUP, group).register(registry);
    }

    void failed(String group) {
        registry.counter("roundtable.event.handling.failures", GROUP, group).increment();
    }

    void deadLettered(String group) {
        registry.counter("roundtable.dead.letters.enqueued", GROUP, group).increment();
    }

    void replayed(String group, String outcome, long letters) {
        registry.counter("roundtable.dead.letters.replayed", GROUP, group, "outcome", outcome).increment(letters);
    }
}
