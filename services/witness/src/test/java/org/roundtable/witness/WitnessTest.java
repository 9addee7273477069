package org.roundtable.witness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.audit.verifier.Chain;
import org.roundtable.audit.verifier.ChainId;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.ConsistencyProof;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.audit.verifier.LedgerRecord;
import org.roundtable.audit.verifier.MerkleTree;
import org.roundtable.audit.verifier.NoteKey;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The witness against logs built as the ledger builds them (entries of two partitions, leaves committing positions),
 * honest and tampered: each tampering is refused, alerted and leaves what the witness remembers unchanged.
 */
class WitnessTest {

    private static final String ORIGIN = "roundtable.test/ledger";

    @TempDir
    Path directory;

    private final LedgerKeys logKeys = LedgerKeys.generate();
    private final LedgerKeys witnessKeys = LedgerKeys.generate();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T20:00:00Z"), ZoneOffset.UTC);

    /** A log as the ledger keeps it: entries in position order over two chains. */
    private final class Log implements Witness.Proofs {

        private final List<LedgerEntry> entries = new ArrayList<>();
        private final Map<ChainId, Chain> chains = new HashMap<>();

        Log grow(int count) {
            for (int i = 0; i < count; i++) {
                int n = entries.size();
                ChainId id = new ChainId("roundtable.participation", n % 3 == 0 ? 1 : 0);
                LedgerRecord record = new LedgerRecord(id.topic(), id.partition(), n, "event-" + n, "participation",
                        "org.roundtable.participation.EndorsementGiven.v1", "EndorsementGiven", "proposal-1", "citizen-" + n, "CITIZEN",
                        null, null, null, null, Instant.parse("2026-11-30T10:00:00Z").plusSeconds(n), "[]",
                        "{\"participantId\":\"citizen-" + n + "\"}");
                entries.add(chains.computeIfAbsent(id, Chain::new).append(record, n + 1, Instant.parse("2026-11-30T10:00:00Z")));
            }
            return this;
        }

        List<byte[]> leaves() {
            return entries.stream().map(LedgerEntry::leafHash).toList();
        }

        Checkpoint checkpoint(LedgerKeys signer) {
            return Checkpoint.of(ORIGIN, entries.size(), MerkleTree.root(leaves())).signedBy(signer, ORIGIN);
        }

        Checkpoint checkpoint() {
            return checkpoint(logKeys);
        }

        @Override
        public ConsistencyProof consistency(long fromSize, long toSize) {
            return ConsistencyProof.of(fromSize, toSize, MerkleTree.consistencyProof(MerkleTree.over(leaves().subList(0, (int) toSize)),
                    fromSize, toSize));
        }

        /** The same log with its history rewritten: the entry at index i replaced by a copy with another position. */
        Log rewritten(java.util.function.UnaryOperator<List<LedgerEntry>> change) {
            Log forged = new Log();
            forged.entries.addAll(change.apply(new ArrayList<>(entries)));
            return forged;
        }
    }

    private static LedgerEntry at(LedgerEntry entry, long position) {
        return new LedgerEntry(position, entry.chainIndex(), entry.record(), entry.recordedAt(), entry.previousHash(), entry.hash());
    }

    private Witness witness() {
        return new Witness(logKeys.noteKey(ORIGIN, NoteKey.ED25519), witnessKeys, "witness.test/w1", WitnessState.in(directory.resolve("state.json")), clock);
    }

    private Witness witnessThatCosigned(Log log) {
        Witness witness = witness();
        witness.observe(log.checkpoint(), log);
        return witness;
    }

    private void assertRefused(Witness witness, Checkpoint checkpoint, Witness.Proofs proofs, Alert.Kind kind, String detail) {
        Checkpoint before = witness.state().last();
        assertThatThrownBy(() -> witness.observe(checkpoint, proofs)).isInstanceOf(Witness.Refused.class)
                .hasMessageStartingWith(kind.name()).hasMessageContaining(detail);
        assertThat(witness.state().last()).isEqualTo(before);
        assertThat(witness.state().alerts()).last().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(kind);
            assertThat(alert.size()).isEqualTo(checkpoint.size());
        });
    }

    @Test
    void anHonestlyGrowingLogIsCosignedAtEverySizeAndTheCosignatureVerifies() {
        Log log = new Log().grow(8);
        Witness witness = witness();
        for (int round = 0; round < 5; round++) {
            Checkpoint cosigned = witness.observe(log.checkpoint(), log);
            assertThat(cosigned.cosignedAt(witness.cosignerKey())).isEqualTo(clock.instant().getEpochSecond());
            assertThat(Checkpoint.parse(cosigned.text()).signedBy(logKeys.noteKey(ORIGIN, NoteKey.ED25519))).isTrue();
            log.grow(round * 7 + 1);
        }
        assertThat(witness.state().alerts()).isEmpty();
    }

    @Test
    void aChangedByteInHistoryIsRefusedAsInconsistent() {
        Log log = new Log().grow(20);
        Witness witness = witnessThatCosigned(log);
        Log forged = log.rewritten(entries -> {
            LedgerEntry victim = entries.get(5);
            LedgerRecord r = victim.record();
            LedgerRecord changed = new LedgerRecord(r.topic(), r.partition(), r.offset(), r.eventId(), r.source(), r.type(), r.eventName(),
                    r.subject(), r.actorId(), r.actorRole(), r.actorName(), r.correlationId(), r.causationId(), r.sequence(), r.occurredAt(),
                    r.headers(), r.payload().replace("citizen", "citizem"));
            entries.set(5, new LedgerEntry(victim.position(), victim.chainIndex(), changed, victim.recordedAt(), victim.previousHash(),
                    org.roundtable.audit.verifier.HashChain.entryHash(victim.previousHash(), changed)));
            return entries;
        }).grow(5);

        assertRefused(witness, forged.checkpoint(), forged, Alert.Kind.INCONSISTENT, "is not an extension of the log at 20 entries");
    }

    @Test
    void aDeletedEntryIsRefusedAsInconsistent() {
        Log log = new Log().grow(20);
        Witness witness = witnessThatCosigned(log);
        Log forged = log.rewritten(entries -> {
            entries.remove(7);
            List<LedgerEntry> renumbered = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                renumbered.add(at(entries.get(i), i + 1));
            }
            return renumbered;
        }).grow(3);

        assertRefused(witness, forged.checkpoint(), forged, Alert.Kind.INCONSISTENT, "is not an extension");
    }

    @Test
    void entriesSwappedWithinAndAcrossPartitionsWithPositionsRewrittenAreRefusedAsInconsistent() {
        Log log = new Log().grow(20);
        Witness witness = witnessThatCosigned(log);
        for (int[] pair : new int[][]{{4, 5}, {2, 3}}) {
            Log forged = log.rewritten(entries -> {
                LedgerEntry a = entries.get(pair[0]);
                LedgerEntry b = entries.get(pair[1]);
                entries.set(pair[0], at(b, a.position()));
                entries.set(pair[1], at(a, b.position()));
                return entries;
            }).grow(4);
            boolean sameChain = log.entries.get(pair[0]).record().chain().equals(log.entries.get(pair[1]).record().chain());
            assertThat(sameChain).isEqualTo(pair[0] == 4);
            assertRefused(witness, forged.checkpoint(), forged, Alert.Kind.INCONSISTENT, "is not an extension");
        }
    }

    @Test
    void aTruncatedTailIsRefusedAsARollbackEvenAfterARestart() {
        Log log = new Log().grow(20);
        witnessThatCosigned(log);
        Log older = log.rewritten(entries -> new ArrayList<>(entries.subList(0, 14)));

        Witness restarted = witness();
        assertThat(restarted.state().last().size()).isEqualTo(20);
        assertRefused(restarted, older.checkpoint(), older, Alert.Kind.ROLLBACK, "the log shows 14 entries, but this witness has cosigned 20");
    }

    @Test
    void aLogReSignedWithAnotherKeyIsRefused() {
        Log log = new Log().grow(20);
        Witness witness = witnessThatCosigned(log);
        log.grow(2);
        assertRefused(witness, log.checkpoint(LedgerKeys.generate()), log, Alert.Kind.BAD_SIGNATURE, "is not signed by the log's pinned key");
    }

    @Test
    void anotherRootAtACosignedSizeIsRefusedAsASplitView() {
        Log log = new Log().grow(20);
        Witness witness = witnessThatCosigned(log);
        Log otherView = log.rewritten(entries -> {
            entries.set(19, at(entries.get(0), 20));
            return entries;
        });
        assertRefused(witness, otherView.checkpoint(), otherView, Alert.Kind.SPLIT_VIEW, "two checkpoints of 20 entries");
    }

    @Test
    void aLogThatGivesNoProofIsRefusedAndAlerted() {
        Log log = new Log().grow(10);
        Witness witness = witnessThatCosigned(log);
        log.grow(3);
        assertRefused(witness, log.checkpoint(), (from, to) -> {
            throw new IllegalStateException("502");
        }, Alert.Kind.INCONSISTENT, "no consistency proof from 10 to 13");
    }
}
