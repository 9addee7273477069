package org.roundtable.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code roundtable.inbox.handled}, {@code roundtable.inbox.duplicates} and {@code roundtable.inbox.dead.lettered},
 * each tagged with the topic read.
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
}
