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
        byte[] carry = leafHash;
        for (long n = size; (n & 1) == 1; n >>= 1) {
            carry = MerkleTree.nodeHash(subtrees.remove(subtrees.size() - 1), carry);
        }
        subtrees.add(carry);
        size++;
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
