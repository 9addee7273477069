package org.roundtable.audit.verifier;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptTest {

    private final SampleLedger ledger = new SampleLedger(21);

    private Receipt receiptOf(int index, Checkpoint checkpoint) {
        List<byte[]> leaves = SampleLedger.leaves(ledger.entries.subList(0, (int) checkpoint.size()));
        return Receipt.of(ledger.entries.get(index), MerkleTree.inclusionProof(MerkleTree.over(leaves), index, leaves.size()), checkpoint);
    }

    @Test
    void everyEntrysReceiptVerifiesWithThePinnedKeyAfterATripThroughJson() {
        Checkpoint checkpoint = ledger.checkpoint();
        for (int i = 0; i < ledger.entries.size(); i++) {
            Receipt read = Receipt.fromJsonText(receiptOf(i, checkpoint).toJsonText());
            assertThat(read.problemWith(ledger.logKey())).as("entry %d", i).isNull();
        }
    }

    @Test
    void aReceiptWithChangedContentAnotherKeyOrAnotherEntrysProofIsRefused() {
        Checkpoint checkpoint = ledger.checkpoint();
        Receipt receipt = receiptOf(7, checkpoint);

        Receipt changed = new Receipt(SampleLedger.withPayload(receipt.entry(), "{\"title\":\"other\"}"), receipt.leafHash(),
                receipt.inclusionProof(), checkpoint);
        assertThat(changed.problemWith(ledger.logKey())).contains("content does not match its hash");

        assertThat(receipt.problemWith(new SampleLedger(0).logKey())).contains("not signed by the pinned key");

        Receipt borrowed = new Receipt(receipt.entry(), receipt.leafHash(), receiptOf(8, checkpoint).inclusionProof(), checkpoint);
        assertThat(borrowed.problemWith(ledger.logKey())).contains("inclusion proof does not lead");
    }

    @Test
    void aReceiptStaysProvableInANewerCheckpointByAConsistencyProof() {
        Checkpoint older = ledger.checkpoint();
        Receipt receipt = receiptOf(4, older);
        for (int i = 0; i < 50; i++) {
            ledger.append(new ChainId("roundtable.outcomes", 1), 200 + i);
        }
        Checkpoint newer = ledger.checkpoint();
        List<byte[]> leaves = SampleLedger.leaves(ledger.entries);
        ConsistencyProof proof = ConsistencyProof.of(older.size(), newer.size(),
                MerkleTree.consistencyProof(MerkleTree.over(leaves), older.size(), newer.size()));

        assertThat(receipt.problemWith(ledger.logKey())).isNull();
        assertThat(ConsistencyProof.fromJsonText(proof.toJsonText()).problemWith(receipt.checkpoint(), newer)).isNull();
        assertThat(proof.problemWith(newer, receipt.checkpoint())).contains("the proof is from 21 to 71");
    }
}
