package org.roundtable.audit.verifier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What the ledger proves about one event: where it was read (topic, partition, offset), its CloudEvents attributes,
 * every header of the Kafka record and its JSON data. The entry hash covers exactly these fields in this order
 * ({@link #canonicalBytes()}). The ledger position and the time of recording are deliberately not covered: they
 * depend on the order in which partitions happened to be read, so a ledger rebuilt from the topics may assign them
 * differently, while everything covered here comes out identical.
 *
 * @param headers the record's headers in their order, as the canonical JSON array {@code [["name","value"],...]}
 * @param payload the record's value as canonical JSON ({@link Json#canonical})
 * @param occurredAt the CloudEvents time, at microsecond precision (the precision the database keeps)
 */
public record LedgerRecord(String topic, int partition, long offset,
                           String eventId, String source, String type, String eventName, String subject,
                           String actorId, String actorRole, String actorName,
                           String correlationId, String causationId, Long sequence,
                           Instant occurredAt, String headers, String payload) {

    static final String VERSION = "roundtable-ledger-entry/v1";

    /**
     * The type of an entry for a Kafka record the ledger could not read as a Roundtable event. No service can publish
     * it (no topic belongs to a source named {@code ledger}), so it marks exactly those entries. Such an entry is
     * chained and hashed like any other; its payload holds the reason and the record's key and value bytes (base64).
     */
    public static final String UNDECODABLE_TYPE = "org.roundtable.ledger.Undecodable";
    public static final String UNDECODABLE_NAME = "Undecodable";

    public LedgerRecord {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(payload, "payload");
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** Whether this records a Kafka record that could not be read as a Roundtable event. */
    public boolean undecodable() {
        return UNDECODABLE_TYPE.equals(type);
    }

    public ChainId chain() {
        return new ChainId(topic, partition);
    }

    public byte[] canonicalBytes() {
        return canonicalEncoding().bytes();
    }

    CanonicalEncoding canonicalEncoding() {
        return new CanonicalEncoding(VERSION)
                .field(topic).field((long) partition).field(offset)
                .field(eventId).field(source).field(type).field(eventName).field(subject)
                .field(actorId).field(actorRole).field(actorName)
                .field(correlationId).field(causationId).field(sequence)
                .field(occurredAt.toString()).field(headers).field(payload);
    }
}
