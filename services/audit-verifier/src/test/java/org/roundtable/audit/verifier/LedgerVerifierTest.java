package org.roundtable.audit.verifier;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerVerifierTest {

    private final SampleLedger ledger = new SampleLedger(40);

    private Discrepancy verify(List<LedgerEntry> entries, Checkpoint checkpoint) {
        LedgerVerifier verifier = LedgerVerifier.against(checkpoint, ledger.keys.publicKey());
        for (LedgerEntry entry : entries) {
            if (!verifier.accept(entry)) {
                break;
            }
        }
        return verifier.finish();
    }

    @Test
    void anUnalteredLedgerMatchesItsCheckpoint() {
        LedgerVerifier verifier = LedgerVerifier.against(ledger.checkpoint(), ledger.keys.publicKey());
        ledger.entries.forEach(verifier::accept);
        assertThat(verifier.finish()).isNull();
        assertThat(verifier.entriesVerified()).isEqualTo(40);
    }

    @Test
    void entriesAppendedAfterTheCheckpointStillVerify() {
        Checkpoint checkpoint = ledger.checkpoint();
        ledger.append(new ChainId("roundtable.outcomes", 0), 100);
        ledger.append(new ChainId("roundtable.proposals", 0), 101);
        assertThat(verify(ledger.entries, checkpoint)).isNull();
    }

    @Test
    void oneChangedPayloadByteIsNamedByPosition() {
        List<LedgerEntry> entries = new ArrayList<>(ledger.entries);
        LedgerEntry original = entries.get(16);
        entries.set(16, SampleLedger.withPayload(original, original.record().payload().replace("Garden", "Gardem")));

        Discrepancy found = verify(entries, ledger.checkpoint());

        assertThat(found.position()).isEqualTo(17);
        assertThat(found.eventId()).isEqualTo(original.record().eventId());
        assertThat(found.problem()).contains("content does not match its hash");
    }

    @Test
    void aRemovedEntryIsNamedByItsPosition() {
        List<LedgerEntry> entries = new ArrayList<>(ledger.entries);
        entries.remove(9);

        Discrepancy found = verify(entries, ledger.checkpoint());

        assertThat(found.position()).isEqualTo(10);
        assertThat(found.problem()).contains("missing");
    }

    @Test
    void aRemovedEntryWithThePositionsRenumberedBreaksItsChain() {
        List<LedgerEntry> entries = new ArrayList<>(ledger.entries);
        entries.remove(9);
        for (int i = 9; i < entries.size(); i++) {
            entries.set(i, SampleLedger.atPosition(entries.get(i), i + 1));
        }
        LedgerEntry removed = ledger.entries.get(9);
        long firstLaterOfItsChain = ledger.entries.stream().skip(10).filter(e -> e.record().chain().equals(removed.record().chain()))
                .findFirst().orElseThrow().position() - 1;

        Discrepancy found = verify(entries, ledger.checkpoint());

        assertThat(found.position()).isEqualTo(firstLaterOfItsChain);
        assertThat(found.problem()).contains("chain");
    }

    @Test
    void twoSwappedEntriesOfOneChainAreNamedAtTheFirst() {
        List<LedgerEntry> entries = new ArrayList<>(ledger.entries);
        ChainId chain = entries.get(4).record().chain();
        int later = 5;
        while (!entries.get(later).record().chain().equals(chain)) {
            later++;
        }
        LedgerEntry first = entries.get(4);
        LedgerEntry second = entries.get(later);
        entries.set(4, SampleLedger.atPosition(second, 5));
        entries.set(later, SampleLedger.atPosition(first, later + 1));

        Discrepancy found = verify(entries, ledger.checkpoint());

        assertThat(found.position()).isEqualTo(5);
        assertThat(found.eventId()).isEqualTo(second.record().eventId());
    }

    @Test
    void twoSwappedPayloadsAreNamedAtTheFirst() {
        List<LedgerEntry> entries = new ArrayList<>(ledger.entries);
        LedgerEntry a = entries.get(3);
        LedgerEntry b = entries.get(30);
        entries.set(3, SampleLedger.withPayload(a, b.record().payload()));
        entries.set(30, SampleLedger.withPayload(b, a.record().payload()));

        assertThat(verify(entries, ledger.checkpoint()).position()).isEqualTo(4);
    }

    @Test
    void aRecomputedTailIsCaughtByTheSignedCheckpoint() {
        Checkpoint checkpoint = ledger.checkpoint();
        SampleLedger forged = new SampleLedger(39);
        LedgerEntry last = forged.append(ledger.entries.get(39).record().chain(), 999);

        Discrepancy found = verify(forged.entries, checkpoint);

        assertThat(found.position()).isEqualTo(last.position());
        assertThat(found.problem()).contains("the checkpoint commits head");
    }

    @Test
    void aTruncatedLedgerFallsShortOfTheCheckpoint() {
        Discrepancy found = verify(ledger.entries.subList(0, 38), ledger.checkpoint());

        assertThat(found.position()).isEqualTo(39);
        assertThat(found.problem()).contains("before the checkpoint's last position 40");
    }

    @Test
    void aCheckpointSignedByAnotherKeyOrWithAChangedRootIsRefused() {
        Checkpoint checkpoint = ledger.checkpoint();
        Checkpoint otherKey = Checkpoint.over(checkpoint.chains(), checkpoint.issuedAt(), 40).signedWith(LedgerKeys.generate());
        assertThat(verify(ledger.entries, otherKey).problem()).contains("signature does not verify");

        Checkpoint changedRoot = new Checkpoint(checkpoint.treeSize(), "ab".repeat(32), checkpoint.issuedAt(), 40,
                checkpoint.chains(), checkpoint.keyId(), checkpoint.signature());
        assertThat(verify(ledger.entries, changedRoot).problem()).contains("is not the root over its chain heads");

        Checkpoint laterTime = new Checkpoint(checkpoint.treeSize(), checkpoint.rootHash(), Instant.parse("2030-01-01T00:00:00Z"), 40,
                checkpoint.chains(), checkpoint.keyId(), checkpoint.signature());
        assertThat(verify(ledger.entries, laterTime).problem()).contains("signature does not verify");
    }

    @Test
    void aLedgerRebuiltInAnotherPartitionOrderHasTheSameCheckpointRoot() {
        SampleLedger rebuilt = new SampleLedger(0);
        ledger.entries.stream()
                .sorted(java.util.Comparator.comparing((LedgerEntry e) -> e.record().chain()).thenComparingLong(e -> e.record().offset()))
                .forEach(entry -> rebuilt.chains.computeIfAbsent(entry.record().chain(), Chain::new)
                        .append(entry.record(), rebuilt.entries.size() + 1, Instant.now()));

        assertThat(rebuilt.chains.values().stream().map(Chain::state).toList())
                .isEqualTo(ledger.chains.values().stream().map(Chain::state).toList());
        assertThat(Checkpoint.rootOf(rebuilt.chains.values().stream().map(Chain::state).toList()))
                .isEqualTo(ledger.checkpoint().rootHash());
    }
}
