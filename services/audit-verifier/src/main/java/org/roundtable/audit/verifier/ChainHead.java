package org.roundtable.audit.verifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one chain that a checkpoint commits to: its length, the hash of its last entry and the Merkle root
 * (RFC 6962) over its entries' hashes in chain order. Two ledgers that read the same offsets of a partition have equal
 * chain heads for it, whatever order they read the partitions in.
 *
 * @param size     the number of entries in the chain
 * @param headHash the hash of the chain's last entry ({@link HashChain#GENESIS} for an empty chain)
 * @param root     the Merkle root over {@code leafHash(entry hash)} of the chain's entries
 */
public record ChainHead(ChainId chain, long size, String headHash, String root) {

    static final String VERSION = "roundtable-ledger-chain/v1";

    public ChainHead {
        Objects.requireNonNull(chain, "chain");
        Sha256.fromHex(headHash);
        Sha256.fromHex(root);
    }

    /**
     * The root hash over chain heads, sorted by topic and partition: equal for two ledgers that have read the same
     * offsets, whatever order they read the partitions in (so a rebuilt ledger is compared with the live one by it).
     */
    public static String rootOf(List<ChainHead> chains) {
        List<byte[]> leaves = new ArrayList<>();
        chains.stream().sorted(Comparator.comparing(ChainHead::chain))
                .forEach(head -> leaves.add(MerkleTree.leafHash(head.leafData())));
        return Sha256.hex(MerkleTree.root(leaves));
    }

    public static long sizeOf(List<ChainHead> chains) {
        return chains.stream().mapToLong(ChainHead::size).sum();
    }

    /** The data of this chain's leaf in the tree over chain heads. */
    public byte[] leafData() {
        return new CanonicalEncoding(VERSION).field(chain.topic()).field((long) chain.partition()).field(size)
                .field(headHash).field(root).bytes();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("topic", chain.topic());
        json.put("partition", chain.partition());
        json.put("size", size);
        json.put("headHash", headHash);
        json.put("root", root);
        return json;
    }

    public static ChainHead fromJson(Map<String, Object> json) {
        return new ChainHead(new ChainId(Fields.text(json, "topic"), Fields.integer(json, "partition")),
                Fields.number(json, "size"), Fields.text(json, "headHash"), Fields.text(json, "root"));
    }
}
