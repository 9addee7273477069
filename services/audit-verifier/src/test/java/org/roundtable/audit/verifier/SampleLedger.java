package org.roundtable.audit.verifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A ledger built in memory the way the service builds it: three chains interleaved, entries from many actors. */
final class SampleLedger {

    final LedgerKeys keys = LedgerKeys.generate();
    final List<LedgerEntry> entries = new ArrayList<>();
    final Map<ChainId, Chain> chains = new TreeMap<>();
    private final Map<ChainId, Long> offsets = new TreeMap<>();

    SampleLedger(int size) {
        List<ChainId> ids = List.of(new ChainId("roundtable.proposals", 0), new ChainId("roundtable.commissioning", 2),
                new ChainId("roundtable.proposals", 1));
        for (int i = 0; i < size; i++) {
            append(ids.get((i * 7 + i / 3) % ids.size()), i);
        }
    }

    LedgerEntry append(ChainId id, int n) {
        long offset = offsets.merge(id, 2L, Long::sum);
        LedgerRecord record = new LedgerRecord(id.topic(), id.partition(), offset, "event-" + n,
                id.topic().substring("roundtable.".length()), "org.roundtable.proposals.ProposalDrafted.v1", "ProposalDrafted",
                "proposal-" + (n % 5), "citizen-" + n, "CITIZEN", n % 2 == 0 ? null : "Citizen " + n, "corr-" + n,
                n % 3 == 0 ? null : "cause-" + n, (long) n, Instant.parse("2026-01-01T10:00:00Z").plusMillis(n * 1001L),
                "[[\"ce_id\",\"event-" + n + "\"]]", "{\"proposalId\":\"proposal-" + (n % 5) + "\",\"title\":\"Garden " + n + "\"}");
        LedgerEntry entry = chains.computeIfAbsent(id, Chain::new).append(record, entries.size() + 1,
                Instant.parse("2026-01-01T11:00:00Z").plusMillis(n));
        entries.add(entry);
        return entry;
    }

    static final String ORIGIN = "roundtable.test/ledger";

    /** The log's checkpoint over every entry so far, signed by the log's key. */
    Checkpoint checkpoint() {
        return checkpointOf(entries, keys);
    }

    /** A checkpoint over these entries as a log signs it (leaves in list order), signed by these keys. */
    static Checkpoint checkpointOf(List<LedgerEntry> entries, LedgerKeys keys) {
        return Checkpoint.of(ORIGIN, entries.size(), MerkleTree.root(leaves(entries))).signedBy(keys, ORIGIN);
    }

    static List<byte[]> leaves(List<LedgerEntry> entries) {
        return entries.stream().map(LedgerEntry::leafHash).toList();
    }

    NoteKey logKey() {
        return keys.noteKey(ORIGIN, NoteKey.ED25519);
    }

    /** A copy of an entry with one field of its content changed, hashes untouched. */
    static LedgerEntry withPayload(LedgerEntry entry, String payload) {
        LedgerRecord r = entry.record();
        return new LedgerEntry(entry.position(), entry.chainIndex(), new LedgerRecord(r.topic(), r.partition(), r.offset(),
                r.eventId(), r.source(), r.type(), r.eventName(), r.subject(), r.actorId(), r.actorRole(), r.actorName(),
                r.correlationId(), r.causationId(), r.sequence(), r.occurredAt(), r.headers(), payload),
                entry.recordedAt(), entry.previousHash(), entry.hash());
    }

    static LedgerEntry atPosition(LedgerEntry entry, long position) {
        return new LedgerEntry(position, entry.chainIndex(), entry.record(), entry.recordedAt(), entry.previousHash(), entry.hash());
    }
}
