package org.roundtable.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code roundtable.inbox.handled}, {@code roundtable.inbox.duplicates}, {@code roundtable.inbox.dead.lettered} and
 * {@code roundtable.inbox.replayed} (dead letters handed to the inbox again, by outcome: {@code handled},
 * {@code duplicate} or {@code failed}), each tagged with the topic read.
 */
public class InboxMetrics {

    private final MeterRegistry registry;

    public InboxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void handled(String topic, String type) {
        registry.counter("roundtable.inbox.handled", "topic", topic, "type", type).increment();
    }

    void duplicate(String topic) {
        registry.counter("roundtable.inbox.duplicates", "topic", topic).increment();
    }

    void deadLettered(String topic) {
        registry.counter("roundtable.inbox.dead.lettered", "topic", topic).increment();
    }

    void replayed(String topic, String outcome) {
        registry.counter("roundtable.inbox.replayed", "topic", topic, "outcome", outcome).increment();
    }
}
