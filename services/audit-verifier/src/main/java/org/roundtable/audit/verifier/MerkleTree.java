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
        MessageDigest digest = Sha256.reused();
        digest.update((byte) 0x00);
        digest.update(data);
        return digest.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.reused();
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
        return inclusionProof(over(leafHashes), index, leafHashes.size());
    }

    /** The hash of a subtree: the Merkle tree hash of the leaves {@code [from, to)}. */
    @FunctionalInterface
    public interface Subtrees {
        byte[] hash(long from, long to);
    }

    /** A stored complete subtree: the hash of leaves {@code [index * 2^level, (index + 1) * 2^level)}. */
    @FunctionalInterface
    public interface Nodes {
        byte[] node(int level, long index);
    }

    public static Subtrees over(List<byte[]> leafHashes) {
        return (from, to) -> root(leafHashes.subList((int) from, (int) to));
    }

    /**
     * Subtree hashes from stored complete nodes. Every subtree a proof needs is either complete or runs to the tree's
     * right edge; the latter is the complete subtrees of its size's binary digits, largest first, joined right to left,
     * so a proof costs O(log² n) node reads and never reads the leaves.
     */
    public static Subtrees over(Nodes nodes) {
        return (from, to) -> {
            List<byte[]> parts = new ArrayList<>();
            long at = from;
            while (at < to) {
                int level = Long.numberOfTrailingZeros(at == 0 ? Long.highestOneBit(to) : at);
                while (at + (1L << level) > to) {
                    level--;
                }
                parts.add(nodes.node(level, at >> level));
                at += 1L << level;
            }
            if (parts.isEmpty()) {
                return emptyRoot();
            }
            byte[] hash = parts.get(parts.size() - 1);
            for (int i = parts.size() - 2; i >= 0; i--) {
                hash = nodeHash(parts.get(i), hash);
            }
            return hash;
        };
    }

    /** The inclusion proof (audit path) of leaf {@code index} in the tree of the first {@code size} leaves (RFC 9162 2.1.3.1). */
    public static List<byte[]> inclusionProof(Subtrees tree, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        inclusion(tree, 0, size, index, path);
        return path;
    }

    private static void inclusion(Subtrees tree, long from, long to, long index, List<byte[]> path) {
        long n = to - from;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (index < k) {
            inclusion(tree, from, from + k, index, path);
            path.add(tree.hash(from + k, to));
        } else {
            inclusion(tree, from + k, to, index - k, path);
            path.add(tree.hash(from, from + k));
        }
    }

    /** The consistency proof between the trees of the first {@code first} and {@code second} leaves (RFC 9162 2.1.4.1). */
    public static List<byte[]> consistencyProof(Subtrees tree, long first, long second) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from a tree of " + first + " to one of " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first < second) {
            subproof(tree, first, 0, second, true, proof);
        }
        return proof;
    }

    private static void subproof(Subtrees tree, long m, long from, long to, boolean complete, List<byte[]> proof) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                proof.add(tree.hash(from, to));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(tree, m, from, from + k, complete, proof);
            proof.add(tree.hash(from + k, to));
        } else {
            subproof(tree, m - k, from + k, to, false, proof);
            proof.add(tree.hash(from, from + k));
        }
    }

    /** Checks a consistency proof between two tree heads (RFC 9162 2.1.4.2). */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
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
