package org.roundtable.audit.verifier;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference vectors of RFC 6962's reference implementation (Certificate Transparency's Merkle tree tests): eight
 * leaves, the roots of every prefix, and inclusion and consistency proofs between them. Proofs are computed both from
 * the leaves and from stored complete subtrees (as the service computes them), and each verifies.
 */
class Rfc6962VectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** leaf index, tree size, audit path. */
    private static final List<Object[]> INCLUSION = List.of(
            new Object[]{0, 1, List.of()},
            new Object[]{0, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")},
            new Object[]{5, 8, List.of("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")},
            new Object[]{2, 3, List.of("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")},
            new Object[]{1, 5, List.of("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")});

    /** first size, second size, proof. */
    private static final List<Object[]> CONSISTENCY = List.of(
            new Object[]{1, 1, List.of()},
            new Object[]{1, 8, List.of("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")},
            new Object[]{6, 8, List.of("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")},
            new Object[]{2, 5, List.of("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")});

    private final List<byte[]> leafHashes = LEAVES.stream().map(leaf -> MerkleTree.leafHash(HEX.parseHex(leaf))).toList();

    /** The complete subtrees of the eight-leaf tree, stored as the service stores them while appending. */
    private MerkleTree.Subtrees storedNodes() {
        Map<String, byte[]> nodes = new HashMap<>();
        MerkleFrontier frontier = new MerkleFrontier();
        leafHashes.forEach(leaf -> frontier.append(leaf, (level, index, hash) -> nodes.put(level + "/" + index, hash)));
        return MerkleTree.over((level, index) -> nodes.get(level + "/" + index));
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @Test
    void theRootOfEveryPrefixIsTheReferenceRoot() {
        assertThat(HEX.formatHex(MerkleTree.emptyRoot())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        MerkleTree.Subtrees stored = storedNodes();
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleTree.root(leafHashes.subList(0, size)))).as("size %d", size).isEqualTo(ROOTS.get(size - 1));
            assertThat(HEX.formatHex(stored.hash(0, size))).as("stored, size %d", size).isEqualTo(ROOTS.get(size - 1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void inclusionProofsAreTheReferenceProofsAndVerify() {
        for (Object[] vector : INCLUSION) {
            int index = (int) vector[0];
            int size = (int) vector[1];
            List<String> expected = (List<String>) vector[2];
            List<byte[]> leaves = leafHashes.subList(0, size);
            assertThat(hex(MerkleTree.inclusionProof(MerkleTree.over(leaves), index, size))).as("leaf %d of %d", index, size).isEqualTo(expected);
            assertThat(hex(MerkleTree.inclusionProof(storedNodes(), index, size))).isEqualTo(expected);
            List<byte[]> path = expected.stream().map(HEX::parseHex).toList();
            assertThat(MerkleTree.verifyInclusion(leafHashes.get(index), index, size, path, HEX.parseHex(ROOTS.get(size - 1)))).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void consistencyProofsAreTheReferenceProofsAndVerify() {
        for (Object[] vector : CONSISTENCY) {
            int first = (int) vector[0];
            int second = (int) vector[1];
            List<String> expected = (List<String>) vector[2];
            assertThat(hex(MerkleTree.consistencyProof(MerkleTree.over(leafHashes.subList(0, second)), first, second)))
                    .as("%d to %d", first, second).isEqualTo(expected);
            assertThat(hex(MerkleTree.consistencyProof(storedNodes(), first, second))).isEqualTo(expected);
            assertThat(MerkleTree.verifyConsistency(first, second, HEX.parseHex(ROOTS.get(first - 1)), HEX.parseHex(ROOTS.get(second - 1)),
                    expected.stream().map(HEX::parseHex).toList())).isTrue();
        }
    }

    @Test
    void everyConsistencyProofBetweenEveryPairOfSizesVerifiesAndAnyChangeIsRefused() {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            leaves.add(MerkleTree.leafHash(new byte[]{(byte) i, 7}));
        }
        MerkleTree.Subtrees tree = MerkleTree.over(leaves);
        for (int second = 1; second <= leaves.size(); second++) {
            byte[] secondRoot = MerkleTree.root(leaves.subList(0, second));
            for (int first = 1; first <= second; first++) {
                byte[] firstRoot = MerkleTree.root(leaves.subList(0, first));
                List<byte[]> proof = MerkleTree.consistencyProof(tree, first, second);
                assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, secondRoot, proof)).as("%d to %d", first, second).isTrue();
                if (first < second) {
                    byte[] otherRoot = firstRoot.clone();
                    otherRoot[5] ^= 1;
                    assertThat(MerkleTree.verifyConsistency(first, second, otherRoot, secondRoot, proof)).isFalse();
                    assertThat(MerkleTree.verifyConsistency(first, second, firstRoot, otherRoot.length == 32 ? flip(secondRoot) : secondRoot, proof)).isFalse();
                }
            }
        }
    }

    private static byte[] flip(byte[] hash) {
        byte[] flipped = hash.clone();
        flipped[31] ^= 1;
        return flipped;
    }
}
