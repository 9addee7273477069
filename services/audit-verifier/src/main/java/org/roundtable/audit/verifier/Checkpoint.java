package org.roundtable.audit.verifier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A signed statement of the whole ledger at one moment. Its tree is an RFC 6962 Merkle tree whose leaves are the
 * {@link ChainHead}s of every chain, sorted by topic and partition; each chain head in turn carries the Merkle root over
 * that chain's entries. So the root hash commits every entry of every chain, and a rebuilt ledger that has read the
 * same offsets has the same root hash, whatever order it read the partitions in.
 *
 * <p>The signature is Ed25519 over {@link #statement()}: a version tag, the tree size (the number of entries across
 * all chains), the root hash, the time of issue and the last ledger position covered.
 *
 * @param lastPosition the highest ledger position covered: the entries at positions 1..lastPosition are exactly the
 *                     ones the chains' sizes count
 */
public record Checkpoint(long treeSize, String rootHash, Instant issuedAt, long lastPosition, List<ChainHead> chains,
                         String keyId, String signature) {

    static final String VERSION = "roundtable-ledger-checkpoint/v1";

    public Checkpoint {
        Sha256.fromHex(rootHash);
        Objects.requireNonNull(issuedAt, "issuedAt");
        issuedAt = issuedAt.truncatedTo(ChronoUnit.MICROS);
        chains = chains.stream().sorted(Comparator.comparing(ChainHead::chain)).toList();
    }

    /** The root hash over chain heads, as a checkpoint over them states it. */
    public static String rootOf(List<ChainHead> chains) {
        List<byte[]> leaves = new ArrayList<>();
        chains.stream().sorted(Comparator.comparing(ChainHead::chain))
                .forEach(head -> leaves.add(MerkleTree.leafHash(head.leafData())));
        return Sha256.hex(MerkleTree.root(leaves));
    }

    public static long sizeOf(List<ChainHead> chains) {
        return chains.stream().mapToLong(ChainHead::size).sum();
    }

    /** An unsigned checkpoint over these chain heads. */
    public static Checkpoint over(List<ChainHead> chains, Instant issuedAt, long lastPosition) {
        return new Checkpoint(sizeOf(chains), rootOf(chains), issuedAt, lastPosition, chains, null, null);
    }

    public byte[] statement() {
        return new CanonicalEncoding(VERSION).field(treeSize).field(rootHash).field(issuedAt.toString())
                .field(lastPosition).bytes();
    }

    public Checkpoint signedWith(LedgerKeys keys) {
        return new Checkpoint(treeSize, rootHash, issuedAt, lastPosition, chains, keys.keyId(), keys.sign(statement()));
    }

    /** The index of a chain's leaf in this checkpoint's tree, or -1 when the checkpoint has no such chain. */
    public int leafIndexOf(ChainId chain) {
        for (int i = 0; i < chains.size(); i++) {
            if (chains.get(i).chain().equals(chain)) {
                return i;
            }
        }
        return -1;
    }

    public List<byte[]> leafHashes() {
        return chains.stream().map(head -> MerkleTree.leafHash(head.leafData())).toList();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("treeSize", treeSize);
        json.put("rootHash", rootHash);
        json.put("issuedAt", issuedAt.toString());
        json.put("lastPosition", lastPosition);
        json.put("chains", chains.stream().map(ChainHead::toJson).toList());
        json.put("keyId", keyId);
        json.put("signature", signature);
        return json;
    }

    public String toJsonText() {
        return Json.write(toJson());
    }

    public static Checkpoint fromJson(Map<String, Object> json) {
        List<ChainHead> chains = new ArrayList<>();
        for (Object chain : Fields.array(json, "chains")) {
            chains.add(ChainHead.fromJson(Fields.object(chain, "a chain")));
        }
        return new Checkpoint(Fields.number(json, "treeSize"), Fields.text(json, "rootHash"), Fields.instant(json, "issuedAt"),
                Fields.number(json, "lastPosition"), chains, Fields.optionalText(json, "keyId"), Fields.optionalText(json, "signature"));
    }

    public static Checkpoint fromJsonText(String text) {
        return fromJson(Fields.object(Json.parse(text), "a checkpoint"));
    }

    /** Why this checkpoint is not sound on its own, or {@code null}: its root, size and signature are checked. */
    public String problemWith(java.security.PublicKey publicKey) {
        if (!rootOf(chains).equals(rootHash)) {
            return "its root hash " + rootHash + " is not the root over its chain heads " + rootOf(chains);
        }
        if (sizeOf(chains) != treeSize) {
            return "its tree size " + treeSize + " is not the sum of its chains' sizes " + sizeOf(chains);
        }
        if (signature == null || !LedgerKeys.verify(publicKey, statement(), signature)) {
            return "its signature does not verify with the public key";
        }
        return null;
    }

    @Override
    public String toString() {
        return "checkpoint of " + treeSize + " entries, root " + rootHash + ", issued " + issuedAt;
    }
}
