package org.roundtable.audit.verifier;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InclusionProofTest {

    private final SampleLedger ledger = new SampleLedger(29);

    private List<byte[]> leavesOf(ChainId chain) {
        return ledger.entries.stream().filter(e -> e.record().chain().equals(chain))
                .map(e -> MerkleTree.leafHash(Sha256.fromHex(e.hash()))).toList();
    }

    @Test
    void everyEntryHasAProofThatSurvivesItsJsonForm() {
        Checkpoint checkpoint = ledger.checkpoint();
        for (LedgerEntry entry : ledger.entries) {
            InclusionProof proof = InclusionProof.of(entry, leavesOf(entry.record().chain()), checkpoint);
            InclusionProof read = InclusionProof.fromJsonText(Json.write(proof.toJson()));
            assertThat(read.problemWith(ledger.keys.publicKey())).as(entry.record().eventId()).isNull();
        }
    }

    @Test
    void aProofOfAChangedEntryOrUnderAnotherKeyDoesNotHold() {
        Checkpoint checkpoint = ledger.checkpoint();
        LedgerEntry entry = ledger.entries.get(11);
        InclusionProof proof = InclusionProof.of(entry, leavesOf(entry.record().chain()), checkpoint);

        InclusionProof changed = new InclusionProof(SampleLedger.withPayload(entry, "{\"title\":\"other\"}"), proof.chainPath(),
                proof.chainLeafIndex(), proof.checkpointPath(), checkpoint);
        assertThat(changed.problemWith(ledger.keys.publicKey())).contains("does not match its hash");
        assertThat(proof.problemWith(LedgerKeys.generate().publicKey())).contains("signature");

        LedgerEntry other = ledger.entries.stream().filter(e -> e.record().chain().equals(entry.record().chain()) && e != entry)
                .findFirst().orElseThrow();
        InclusionProof borrowed = new InclusionProof(other, proof.chainPath(), proof.chainLeafIndex(), proof.checkpointPath(), checkpoint);
        assertThat(borrowed.problemWith(ledger.keys.publicKey())).contains("chain path does not lead");
    }
}
