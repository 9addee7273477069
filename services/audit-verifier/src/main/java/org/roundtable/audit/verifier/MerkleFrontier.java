package org.roundtable.audit.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The right edge of a growing Merkle tree: the roots of its complete subtrees, largest first, one per set bit of the
 * size. Appending a leaf and computing the root take O(log n) time and space, so the ledger keeps a frontier per chain
 * and checkpoints never re-read entries.
 */
public final class MerkleFrontier {

    private final List<byte[]> subtrees = new ArrayList<>();
    private long size;

    public MerkleFrontier() {
    }

    private MerkleFrontier(long size, List<byte[]> subtrees) {
        this.size = size;
        this.subtrees.addAll(subtrees);
    }

    /** Appends a leaf hash (already hashed with {@link MerkleTree#leafHash}). */
    public void append(byte[] leafHash) {
        append(leafHash, (level, index, hash) -> {
        });
    }

    /** Appends a leaf hash and hands every complete subtree it completes (the leaf itself first) to {@code completed}. */
    public void append(byte[] leafHash, NodeSink completed) {
        byte[] carry = leafHash;
        completed.node(0, size, carry);
        int level = 0;
        for (long n = size; (n & 1) == 1; n >>= 1) {
            carry = MerkleTree.nodeHash(subtrees.remove(subtrees.size() - 1), carry);
            level++;
            completed.node(level, size >> level, carry);
        }
        subtrees.add(carry);
        size++;
    }

    /** Receives the complete subtrees a growing tree completes: leaves {@code [index * 2^level, (index + 1) * 2^level)}. */
    @FunctionalInterface
    public interface NodeSink {
        void node(int level, long index, byte[] hash);
    }

    /** The frontier of a tree of {@code size} leaves, read from its stored complete subtrees. */
    public static MerkleFrontier of(long size, MerkleTree.Nodes nodes) {
        List<byte[]> subtrees = new ArrayList<>();
        for (int level = 63; level >= 0; level--) {
            if ((size >> level & 1) == 1) {
                subtrees.add(nodes.node(level, (size >> level) - 1));
            }
        }
        return new MerkleFrontier(size, subtrees);
    }

    public long size() {
        return size;
    }

    public byte[] root() {
        if (subtrees.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(subtrees.get(i), root);
        }
        return root;
    }

    public MerkleFrontier copy() {
        return new MerkleFrontier(size, subtrees);
    }

    /** The subtree roots as hex, comma separated, largest first (empty for an empty tree). */
    public String encode() {
        StringJoiner joined = new StringJoiner(",");
        subtrees.forEach(subtree -> joined.add(Sha256.hex(subtree)));
        return joined.toString();
    }

    public static MerkleFrontier decode(long size, String encoded) {
        List<byte[]> subtrees = new ArrayList<>();
        if (!encoded.isEmpty()) {
            for (String hex : encoded.split(",")) {
                subtrees.add(Sha256.fromHex(hex));
            }
        }
        if (subtrees.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a frontier of a tree of " + size + " has " + Long.bitCount(size)
                    + " subtrees, not " + subtrees.size());
        }
        return new MerkleFrontier(size, subtrees);
    }
}
