package org.roundtable.events;

/**
 * A fact a service publishes for the others. Every implementation is a record annotated with {@link Published},
 * listed in {@link RoundtableEvents}: the aggregate applies it, the event store keeps it, the relay publishes it,
 * and the audit ledger records it, all as the same record.
 */
public interface IntegrationEvent {
}
