package org.roundtable.audit.verifier;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerkleTreeTest {

    /** RFC 6962 section 2.1, written directly from its definition. */
    private static byte[] definitionRoot(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Sha256.of(new byte[0]);
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        return MerkleTree.nodeHash(definitionRoot(leaves.subList(0, k)), definitionRoot(leaves.subList(k, leaves.size())));
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleTree.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @Test
    void hashesLeavesAndNodesWithTheirDomainPrefixes() {
        assertThat(Sha256.hex(MerkleTree.emptyRoot())).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.hex(MerkleTree.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        byte[] left = MerkleTree.leafHash(new byte[]{1});
        byte[] right = MerkleTree.leafHash(new byte[]{2});
        byte[] joined = new byte[65];
        joined[0] = 1;
        System.arraycopy(left, 0, joined, 1, 32);
        System.arraycopy(right, 0, joined, 33, 32);
        assertThat(MerkleTree.nodeHash(left, right)).isEqualTo(Sha256.of(joined));
    }

    @Test
    void theFrontierGivesTheRootOfTheDefinitionForEverySize() {
        for (int n = 0; n <= 70; n++) {
            List<byte[]> leaves = leaves(n);
            assertThat(MerkleTree.root(leaves)).as("size %d", n).isEqualTo(definitionRoot(leaves));
        }
    }

    @Test
    void everyLeafHasAnInclusionPathToTheRootAndNoOtherLeafIndexOrDeeperTreeUsesIt() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leaves(n);
            byte[] root = MerkleTree.root(leaves);
            for (int i = 0; i < n; i++) {
                List<byte[]> path = MerkleTree.inclusionPath(leaves, i);
                assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, n, path, root)).as("leaf %d of %d", i, n).isTrue();
                if (n > 1) {
                    int other = (i + 1) % n;
                    assertThat(MerkleTree.verifyInclusion(leaves.get(other), i, n, path, root)).isFalse();
                    assertThat(MerkleTree.verifyInclusion(leaves.get(i), other, n, path, root)).isFalse();
                    assertThat(MerkleTree.verifyInclusion(leaves.get(i), i, 2L * n, path, root)).isFalse();
                }
            }
        }
    }

    @Test
    void aPathWithOneChangedByteDoesNotVerify() {
        List<byte[]> leaves = leaves(13);
        List<byte[]> path = new ArrayList<>(MerkleTree.inclusionPath(leaves, 6));
        byte[] changed = Arrays.copyOf(path.get(1), 32);
        changed[0] ^= 1;
        path.set(1, changed);
        assertThat(MerkleTree.verifyInclusion(leaves.get(6), 6, 13, path, MerkleTree.root(leaves))).isFalse();
    }

    @Test
    void aFrontierSurvivesItsEncodingAndGrowsOnFromIt() {
        MerkleFrontier frontier = new MerkleFrontier();
        List<byte[]> leaves = leaves(23);
        leaves.subList(0, 11).forEach(frontier::append);
        MerkleFrontier restored = MerkleFrontier.decode(11, frontier.encode());
        leaves.subList(11, 23).forEach(restored::append);
        assertThat(restored.root()).isEqualTo(MerkleTree.root(leaves));
        assertThat(restored.size()).isEqualTo(23);
        assertThatThrownBy(() -> MerkleFrontier.decode(12, frontier.encode())).isInstanceOf(IllegalArgumentException.class);
    }
}
