package org.roundtable.audit.verifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A receipt for one act: the ledger entry that records it (its event id, content and hashes), its leaf in the log
 * (index {@code position - 1} and leaf hash), the RFC 9162 inclusion proof of that leaf, and the signed checkpoint the
 * proof leads to. Whoever holds it can check it offline with the log's pinned key ({@link #problemWith}); later, a
 * consistency proof from its checkpoint to a newer one shows the act is still in the log.
 *
 * @param inclusionProof the audit path, hex, from the leaf's sibling upwards
 */
public record Receipt(LedgerEntry entry, String leafHash, List<String> inclusionProof, Checkpoint checkpoint) {

    public static Receipt of(LedgerEntry entry, List<byte[]> inclusionProof, Checkpoint checkpoint) {
        return new Receipt(entry, Sha256.hex(entry.leafHash()), inclusionProof.stream().map(Sha256::hex).toList(), checkpoint);
    }

    public long leafIndex() {
        return entry.position() - 1;
    }

    /** Why this receipt does not prove its entry is in the log the pinned key signed, or {@code null} when it does. */
    public String problemWith(NoteKey logKey) {
        if (!checkpoint.signedBy(logKey)) {
            return "the checkpoint is not signed by the pinned key " + logKey.vkey();
        }
        if (!checkpoint.origin().equals(logKey.name())) {
            return "the checkpoint is of log " + checkpoint.origin() + ", not of " + logKey.name();
        }
        String recomputed = HashChain.entryHash(entry.previousHash(), entry.record());
        if (!recomputed.equals(entry.hash())) {
            return "the entry's content does not match its hash";
        }
        if (!Sha256.hex(entry.leafHash()).equals(leafHash)) {
            return "the leaf hash " + leafHash + " is not the hash of the entry's position and hash";
        }
        if (leafIndex() >= checkpoint.size()) {
            return "the entry at position " + entry.position() + " lies beyond the checkpoint's " + checkpoint.size() + " entries";
        }
        if (!MerkleTree.verifyInclusion(entry.leafHash(), leafIndex(), checkpoint.size(), bytes(inclusionProof), checkpoint.root())) {
            return "the inclusion proof does not lead from the entry's leaf to the checkpoint's root " + checkpoint.rootHex();
        }
        return null;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", entry.record().eventId());
        json.put("leafIndex", leafIndex());
        json.put("leafHash", leafHash);
        json.put("inclusionProof", inclusionProof);
        json.put("checkpoint", checkpoint.text());
        json.put("entry", entry.toJson());
        return json;
    }

    public String toJsonText() {
        return Json.write(toJson());
    }

    public static Receipt fromJsonText(String text) {
        Map<String, Object> json = Fields.object(Json.parse(text), "a receipt");
        LedgerEntry entry = LedgerEntry.fromJsonLine(Json.write(Fields.object(json.get("entry"), "the entry")));
        if (!entry.record().eventId().equals(Fields.text(json, "eventId"))) {
            throw new IllegalArgumentException("field 'eventId' is not the entry's event id");
        }
        if (Fields.number(json, "leafIndex") != entry.position() - 1) {
            throw new IllegalArgumentException("field 'leafIndex' is not the entry's position - 1");
        }
        return new Receipt(entry, Fields.text(json, "leafHash"), hexes(Fields.array(json, "inclusionProof"), "inclusionProof"),
                Checkpoint.parse(Fields.text(json, "checkpoint")));
    }

    static List<String> hexes(List<Object> values, String field) {
        List<String> hexes = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof String hex)) {
                throw new IllegalArgumentException("field '" + field + "' must hold hex strings");
            }
            Sha256.fromHex(hex);
            hexes.add(hex);
        }
        return hexes;
    }

    static List<byte[]> bytes(List<String> hexes) {
        return hexes.stream().map(Sha256::fromHex).toList();
    }
}
