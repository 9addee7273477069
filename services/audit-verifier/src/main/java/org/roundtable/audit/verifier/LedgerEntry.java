package org.roundtable.audit.verifier;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the ledger as stored and exported: the proven {@link LedgerRecord}, where the ledger put it (position,
 * index in its chain), when, and its hashes. One entry is one line of an export (NDJSON), written by
 * {@link #toJsonLine()} and read by {@link #fromJsonLine}; the headers and payload travel as strings holding their
 * exact stored text, so the hash can be recomputed from the line alone.
 *
 * @param position   1, 2, 3 ... in the order the ledger appended entries
 * @param chainIndex 1, 2, 3 ... within the entry's chain
 */
public record LedgerEntry(long position, long chainIndex, LedgerRecord record, Instant recordedAt,
                          String previousHash, String hash) {

    static final String LEAF_VERSION = "roundtable-ledger-leaf/v1";

    /**
     * This entry's leaf in the ledger's log: its position and its entry hash, so the log's tree commits the order of
     * all entries across chains as well as their content.
     */
    public byte[] leafData() {
        return new CanonicalEncoding(LEAF_VERSION).field(position).field(hash).bytes();
    }

    /** The RFC 9162 leaf hash of {@link #leafData()}. */
    public byte[] leafHash() {
        return MerkleTree.leafHash(leafData());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("position", position);
        json.put("eventId", record.eventId());
        json.put("source", record.source());
        json.put("type", record.type());
        json.put("eventName", record.eventName());
        json.put("subject", record.subject());
        json.put("actorId", record.actorId());
        json.put("actorRole", record.actorRole());
        json.put("actorName", record.actorName());
        json.put("correlationId", record.correlationId());
        json.put("causationId", record.causationId());
        json.put("sequence", record.sequence());
        json.put("occurredAt", record.occurredAt().toString());
        json.put("recordedAt", recordedAt.toString());
        json.put("topic", record.topic());
        json.put("partition", record.partition());
        json.put("offset", record.offset());
        json.put("chainIndex", chainIndex);
        json.put("headers", record.headers());
        json.put("payload", record.payload());
        json.put("previousHash", previousHash);
        json.put("hash", hash);
        return json;
    }

    public String toJsonLine() {
        return Json.write(toJson());
    }

    /** Reads one export line; a missing or mistyped field raises {@link IllegalArgumentException} naming it. */
    public static LedgerEntry fromJsonLine(String line) {
        Map<String, Object> json = Fields.object(Json.parse(line), "a ledger entry");
        LedgerRecord record = new LedgerRecord(Fields.text(json, "topic"), Fields.integer(json, "partition"),
                Fields.number(json, "offset"), Fields.text(json, "eventId"), Fields.text(json, "source"),
                Fields.text(json, "type"), Fields.text(json, "eventName"), Fields.text(json, "subject"),
                Fields.optionalText(json, "actorId"), Fields.optionalText(json, "actorRole"), Fields.optionalText(json, "actorName"),
                Fields.optionalText(json, "correlationId"), Fields.optionalText(json, "causationId"),
                Fields.optionalNumber(json, "sequence"), Fields.microseconds(json, "occurredAt"),
                Fields.text(json, "headers"), Fields.text(json, "payload"));
        return new LedgerEntry(Fields.number(json, "position"), Fields.number(json, "chainIndex"), record,
                Fields.instant(json, "recordedAt"), Fields.text(json, "previousHash"), Fields.text(json, "hash"));
    }
}
