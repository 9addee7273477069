package org.roundtable.audit.verifier;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Merkle tree hashing as in RFC 6962 / RFC 9162 section 2.1 with SHA-256: a leaf hashes as
 * {@code SHA-256(0x00 || data)}, an interior node as {@code SHA-256(0x01 || left || right)}, the empty tree as
 * {@code SHA-256()}, and a tree of n leaves splits at the largest power of two smaller than n. Inclusion proofs are
 * the audit paths of RFC 9162 section 2.1.3.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest digest = Sha256.digest();
        digest.update((byte) 0x00);
        digest.update(data);
        return digest.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.digest();
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    public static byte[] emptyRoot() {
        return Sha256.of(new byte[0]);
    }

    /** The root over leaf hashes (already hashed with {@link #leafHash}). */
    public static byte[] root(List<byte[]> leafHashes) {
        MerkleFrontier frontier = new MerkleFrontier();
        leafHashes.forEach(frontier::append);
        return frontier.root();
    }

    /** The audit path of leaf {@code index} in the tree over {@code leafHashes}, from the leaf's sibling upwards. */
    public static List<byte[]> inclusionPath(List<byte[]> leafHashes, long index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        path(leafHashes, 0, leafHashes.size(), (int) index, path);
        return path;
    }

    private static void path(List<byte[]> leaves, int from, int to, int index, List<byte[]> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index < k) {
            path(leaves, from, from + k, index, path);
            path.add(subtreeRoot(leaves, from + k, to));
        } else {
            path(leaves, from + k, to, index - k, path);
            path.add(subtreeRoot(leaves, from, from + k));
        }
    }

    private static byte[] subtreeRoot(List<byte[]> leaves, int from, int to) {
        return root(leaves.subList(from, to));
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /**
     * Recomputes the root from a leaf hash, its index, the tree size and the audit path (RFC 9162 section 2.1.3.2);
     * returns {@code null} when the path cannot belong to a tree of that size.
     */
    public static byte[] rootFromInclusionPath(byte[] leafHash, long index, long treeSize, List<byte[]> path) {
        if (index < 0 || index >= treeSize) {
            return null;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> path, byte[] root) {
        byte[] computed = rootFromInclusionPath(leafHash, index, treeSize, path);
        return computed != null && Arrays.equals(computed, root);
    }
}
