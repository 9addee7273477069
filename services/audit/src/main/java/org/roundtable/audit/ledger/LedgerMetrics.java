package org.roundtable.audit.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code roundtable.audit.ledger.appended}, {@code .duplicates} (an event id already in the ledger),
 * {@code .redelivered} (an offset already passed) and {@code .undecodable} (a record recorded though it is not a
 * Roundtable event), each tagged with the topic, and
 * {@code roundtable.audit.checkpoints} signed.
 */
@Component
public class LedgerMetrics {

    private final MeterRegistry registry;

    public LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void appended(String topic) {
        registry.counter("roundtable.audit.ledger.appended", "topic", topic).increment();
    }

    void duplicate(String topic) {
        registry.counter("roundtable.audit.ledger.duplicates", "topic", topic).increment();
    }

    void redelivered(String topic) {
        registry.counter("roundtable.audit.ledger.redelivered", "topic", topic).increment();
    }

    void undecodable(String topic) {
        registry.counter("roundtable.audit.ledger.undecodable", "topic", topic).increment();
    }

    void checkpointSigned() {
        registry.counter("roundtable.audit.checkpoints").increment();
    }
}
