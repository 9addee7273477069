package org.roundtable.audit.verifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9162 consistency proof between two tree sizes of the log: that the tree of {@code fromSize} entries is a
 * prefix of the tree of {@code toSize} entries, so nothing committed at the older checkpoint was changed, removed or
 * reordered by the newer one.
 *
 * @param path the proof's hashes, hex
 */
public record ConsistencyProof(long fromSize, long toSize, List<String> path) {

    public static ConsistencyProof of(long fromSize, long toSize, List<byte[]> path) {
        return new ConsistencyProof(fromSize, toSize, path.stream().map(Sha256::hex).toList());
    }

    /** Why the newer checkpoint is not an append-only extension of the older by this proof, or {@code null}. */
    public String problemWith(Checkpoint older, Checkpoint newer) {
        if (!older.origin().equals(newer.origin())) {
            return "the checkpoints are of different logs: " + older.origin() + " and " + newer.origin();
        }
        if (older.size() != fromSize || newer.size() != toSize) {
            return "the proof is from " + fromSize + " to " + toSize + ", the checkpoints are of " + older.size() + " and " + newer.size();
        }
        if (newer.size() < older.size()) {
            return "the newer checkpoint (" + newer.size() + " entries) is smaller than the older (" + older.size() + "): a rollback";
        }
        if (older.size() == 0) {
            return null;
        }
        if (!MerkleTree.verifyConsistency(fromSize, toSize, older.root(), newer.root(), Receipt.bytes(path))) {
            return "the log at " + toSize + " entries (root " + newer.rootHex() + ") is not an extension of the log at "
                    + fromSize + " entries (root " + older.rootHex() + ")";
        }
        return null;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fromSize", fromSize);
        json.put("toSize", toSize);
        json.put("path", path);
        return json;
    }

    public String toJsonText() {
        return Json.write(toJson());
    }

    public static ConsistencyProof fromJsonText(String text) {
        Map<String, Object> json = Fields.object(Json.parse(text), "a consistency proof");
        return new ConsistencyProof(Fields.number(json, "fromSize"), Fields.number(json, "toSize"),
                Receipt.hexes(Fields.array(json, "path"), "path"));
    }
}
