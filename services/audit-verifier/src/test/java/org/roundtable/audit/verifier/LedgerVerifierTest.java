package org.roundtable.audit.verifier;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of tampering, caught by the verifier the service and the verifier jar share. */
class LedgerVerifierTest {

    private final SampleLedger ledger = new SampleLedger(40);

    private LedgerVerifier verifier;

    private Discrepancy verify(List<LedgerEntry> entries, Checkpoint... checkpoints) {
        verifier = LedgerVerifier.against(List.of(checkpoints), ledger.logKey());
        for (LedgerEntry entry : entries) {
            if (!verifier.accept(entry)) {
                break;
            }
        }
        return verifier.finish();
    }

    @Test
    void anUnalteredLedgerMatchesEveryCheckpointOfItsLog() {
        Checkpoint at25 = SampleLedger.checkpointOf(ledger.entries.subList(0, 25), ledger.keys);
        assertThat(verify(ledger.entries, at25, ledger.checkpoint())).isNull();
        assertThat(verifier.entriesVerified()).isEqualTo(40);
        assertThat(verifier.entriesBeyond()).isZero();
    }

    @Test
    void entriesAppendedAfterTheCheckpointAreCountedAsBeyondItNotAsVerified() {
        Checkpoint checkpoint = ledger.checkpoint();
        ledger.append(new ChainId("roundtable.outcomes", 0), 100);
        ledger.append(new ChainId("roundtable.proposals", 0), 101);
        assertThat(verify(ledger.entries, checkpoint)).isNull();
        assertThat(verifier.entriesVerified()).isEqualTo(40);
        assertThat(verifier.entriesBeyond()).isEqualTo(2);
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
    void twoEntriesOfOneChainSwappedWithTheirPositionsRewrittenAreNamedAtTheFirst() {
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
    void twoEntriesOfDifferentChainsSwappedWithTheirPositionsRewrittenAreCaughtByTheLogRoot() {
        List<LedgerEntry> entries = new ArrayList<>(ledger.entries);
        int a = 6;
        int b = a + 1;
        while (entries.get(b).record().chain().equals(entries.get(a).record().chain())) {
            b++;
        }
        ChainId chainA = entries.get(a).record().chain();
        ChainId chainB = entries.get(b).record().chain();
        for (int i = a + 1; i < b; i++) {
            assertThat(entries.get(i).record().chain()).as("nothing between them of either chain").isNotIn(chainA, chainB);
        }
        LedgerEntry first = entries.get(a);
        LedgerEntry second = entries.get(b);
        entries.set(a, SampleLedger.atPosition(second, a + 1));
        entries.set(b, SampleLedger.atPosition(first, b + 1));

        Discrepancy found = verify(entries, ledger.checkpoint());

        assertThat(found).as("every chain still links: only the log's leaves commit the order across chains").isNotNull();
        assertThat(found.position()).isEqualTo(40);
        assertThat(found.problem()).contains("the log's root over positions 1..40").contains("signed checkpoint of 40 entries states");
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
    void aRecomputedLedgerIsCaughtByTheSignedCheckpoint() {
        SampleLedger forged = new SampleLedger(39);
        forged.append(ledger.entries.get(39).record().chain(), 999);

        Discrepancy found = verify(forged.entries, ledger.checkpoint());

        assertThat(found.position()).isEqualTo(40);
        assertThat(found.problem()).contains("signed checkpoint of 40 entries states");
    }

    @Test
    void aTailTruncatedAndPresentedWithAnOlderCheckpointIsCaughtByAnyNewerOne() {
        Checkpoint older = SampleLedger.checkpointOf(ledger.entries.subList(0, 30), ledger.keys);
        List<LedgerEntry> truncated = ledger.entries.subList(0, 30);
        assertThat(verify(truncated, older)).as("the older checkpoint alone cannot tell").isNull();

        Discrepancy found = verify(truncated, older, ledger.checkpoint());

        assertThat(found.position()).isEqualTo(31);
        assertThat(found.problem()).contains("ends at position 30, but a signed checkpoint commits 40 entries");
    }

    @Test
    void aLedgerReSignedWithAnotherKeyIsRefusedWhateverItsHashes() {
        SampleLedger forged = new SampleLedger(40);
        Checkpoint reSigned = forged.checkpoint();

        Discrepancy found = verify(forged.entries, reSigned);

        assertThat(found.position()).isNull();
        assertThat(found.problem()).contains("is not signed by the pinned key " + ledger.logKey().vkey());
    }

    @Test
    void twoCheckpointsOfOneSizeWithDifferentRootsAreASplitView() {
        List<LedgerEntry> other = new ArrayList<>(ledger.entries);
        other.set(39, SampleLedger.withPayload(other.get(39), "{\"title\":\"another view\"}"));
        Checkpoint otherView = Checkpoint.of(SampleLedger.ORIGIN, 40,
                MerkleTree.root(SampleLedger.leaves(List.of(other.get(39))))).signedBy(ledger.keys, SampleLedger.ORIGIN);

        Discrepancy found = verify(ledger.entries, ledger.checkpoint(), otherView);

        assertThat(found.problem()).contains("two checkpoints of 40 entries state different roots").contains("split view");
    }

    @Test
    void afterAKeyRotationTheEarlierCheckpointsVerifyWithTheRetiredKeyPinnedBesideTheNewOne() {
        Checkpoint beforeRotation = SampleLedger.checkpointOf(ledger.entries.subList(0, 25), ledger.keys);
        LedgerKeys rotated = LedgerKeys.generate();
        Checkpoint afterRotation = SampleLedger.checkpointOf(ledger.entries, rotated);
        NoteKey newKey = rotated.noteKey(SampleLedger.ORIGIN, NoteKey.ED25519);

        LedgerVerifier both = LedgerVerifier.against(List.of(beforeRotation, afterRotation), List.of(newKey, ledger.logKey()));
        ledger.entries.forEach(both::accept);
        assertThat(both.finish()).isNull();

        LedgerVerifier onlyNew = LedgerVerifier.against(List.of(beforeRotation, afterRotation), List.of(newKey));
        ledger.entries.forEach(onlyNew::accept);
        assertThat(onlyNew.finish().problem()).contains("is not signed by the pinned key " + newKey.vkey());
    }

    @Test
    void aCheckpointOfAnotherLogIsRefused() {
        Checkpoint elsewhere = Checkpoint.of("elsewhere.example/log", 40, ledger.checkpoint().root()).signedBy(ledger.keys, "elsewhere.example/log");
        assertThat(verify(ledger.entries, elsewhere).problem()).contains("is not of the log " + SampleLedger.ORIGIN);
    }

    @Test
    void aLedgerRebuiltInAnotherPartitionOrderHasTheSameChainHeads() {
        SampleLedger rebuilt = new SampleLedger(0);
        ledger.entries.stream()
                .sorted(Comparator.comparing((LedgerEntry e) -> e.record().chain()).thenComparingLong(e -> e.record().offset()))
                .forEach(entry -> rebuilt.chains.computeIfAbsent(entry.record().chain(), Chain::new)
                        .append(entry.record(), rebuilt.entries.size() + 1, Instant.now()));

        assertThat(rebuilt.chains.values().stream().map(Chain::state).toList())
                .isEqualTo(ledger.chains.values().stream().map(Chain::state).toList());
        assertThat(ChainHead.rootOf(rebuilt.chains.values().stream().map(Chain::state).toList()))
                .isEqualTo(ChainHead.rootOf(ledger.chains.values().stream().map(Chain::state).toList()));
    }
}
