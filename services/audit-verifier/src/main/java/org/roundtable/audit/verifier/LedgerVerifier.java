package org.roundtable.audit.verifier;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Re-verifies a ledger read entry by entry in position order, in constant memory per chain, against signed
 * checkpoints of its log, and finds the first entry that does not match. For each entry it checks, in this order:
 * <ol>
 *   <li>its position is the next one (a gap means an entry was removed, a step back that entries were reordered);</li>
 *   <li>it is the next entry of its chain (chain index and a Kafka offset after the previous one's);</li>
 *   <li>its previous hash is the hash of the chain's entry before it (a removed or moved entry breaks this link);</li>
 *   <li>its hash is the hash of its previous hash and its content (a changed byte breaks this);</li>
 *   <li>when its position is a checkpoint's size, the root of the log's tree over every entry so far (each leaf
 *       committing an entry's position and hash) is the root that checkpoint states.</li>
 * </ol>
 * Every checkpoint must carry a valid signature of the pinned log key and be of that key's log; two checkpoints of
 * one size with different roots (a split view) are refused, and so is a ledger that ends before a checkpoint's size
 * (a truncated tail presented with an older checkpoint is caught by any newer one). Entries after the largest
 * checkpoint are read and chain-checked but are not verified: {@link #entriesBeyond()} counts them.
 */
public final class LedgerVerifier {

    private final TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final Map<ChainId, ChainState> chains = new HashMap<>();
    private final MerkleFrontier log = new MerkleFrontier();
    private long expectedPosition = 1;
    private long entriesBeyond;
    private Discrepancy discrepancy;

    private LedgerVerifier(List<Checkpoint> signed, List<NoteKey> logKeys) {
        for (Checkpoint checkpoint : signed) {
            if (logKeys.stream().noneMatch(key -> key.name().equals(checkpoint.origin()))) {
                discrepancy = new Discrepancy(null, null, "the " + checkpoint + " is not of the log " + logKeys.get(0).name());
                return;
            }
            if (logKeys.stream().noneMatch(checkpoint::signedBy)) {
                discrepancy = new Discrepancy(null, null, "the " + checkpoint + " is not signed by the pinned key "
                        + String.join(" or ", logKeys.stream().map(NoteKey::vkey).toList()));
                return;
            }
            Checkpoint same = checkpoints.putIfAbsent(checkpoint.size(), checkpoint);
            if (same != null && !Arrays.equals(same.root(), checkpoint.root())) {
                discrepancy = new Discrepancy(null, null, "two checkpoints of " + checkpoint.size() + " entries state different roots, "
                        + same.rootHex() + " and " + checkpoint.rootHex() + " (a split view)");
                return;
            }
        }
    }

    /** Verifies a whole ledger, from position 1, against checkpoints signed by the pinned log key. */
    public static LedgerVerifier against(List<Checkpoint> checkpoints, NoteKey logKey) {
        return new LedgerVerifier(checkpoints, List.of(logKey));
    }

    /**
     * Verifies against checkpoints each signed by one of the pinned keys of one log: its current key and the keys it
     * signed with before a rotation.
     */
    public static LedgerVerifier against(List<Checkpoint> checkpoints, List<NoteKey> logKeys) {
        if (logKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one log key must be pinned");
        }
        return new LedgerVerifier(checkpoints, logKeys);
    }

    /** Takes the next entry; returns {@code false} once a discrepancy has been found (later entries are not read). */
    public boolean accept(LedgerEntry entry) {
        if (discrepancy != null) {
            return false;
        }
        LedgerRecord record = entry.record();
        if (entry.position() != expectedPosition) {
            String problem = entry.position() > expectedPosition
                    ? "the entry at this position is missing or out of order (the next entry found is at position " + entry.position() + ")"
                    : "an entry at position " + entry.position() + " appears after position " + (expectedPosition - 1);
            return fail(entry.position() > expectedPosition ? expectedPosition : entry.position(),
                    entry.position() > expectedPosition ? null : record.eventId(), problem);
        }
        ChainState chain = chains.computeIfAbsent(record.chain(), id -> new ChainState());
        if (entry.chainIndex() != chain.size + 1) {
            return fail(entry, "it is entry " + entry.chainIndex() + " of chain " + record.chain() + ", but the chain has "
                    + chain.size + " entries before it");
        }
        if (record.offset() <= chain.lastOffset) {
            return fail(entry, "its offset " + record.offset() + " in " + record.chain()
                    + " does not come after the previous entry's offset " + chain.lastOffset);
        }
        if (!chain.head.equals(entry.previousHash())) {
            return fail(entry, "its previous hash " + entry.previousHash() + " is not the hash " + chain.head
                    + " of the entry before it in chain " + record.chain() + " (an entry was removed, moved or changed)");
        }
        String recomputed;
        try {
            recomputed = HashChain.entryHash(entry.previousHash(), record);
        } catch (IllegalArgumentException unreadable) {
            return fail(entry, unreadable.getMessage());
        }
        if (!recomputed.equals(entry.hash())) {
            return fail(entry, "its content does not match its hash: stored " + entry.hash() + ", recomputed " + recomputed);
        }
        chain.head = entry.hash();
        chain.lastOffset = record.offset();
        chain.size++;
        log.append(entry.leafHash());
        Checkpoint checkpoint = checkpoints.get(entry.position());
        if (checkpoint != null) {
            byte[] root = log.root();
            if (!Arrays.equals(root, checkpoint.root())) {
                return fail(entry, "the log's root over positions 1.." + entry.position() + " is " + Sha256.hex(root)
                        + ", but the signed checkpoint of " + checkpoint.size() + " entries states " + checkpoint.rootHex());
            }
        }
        if (checkpoints.isEmpty() || entry.position() > checkpoints.lastKey()) {
            entriesBeyond++;
        }
        expectedPosition++;
        return true;
    }

    /** Called after the last entry: the first discrepancy, or {@code null} when everything matches. */
    public Discrepancy finish() {
        if (discrepancy == null && !checkpoints.isEmpty() && expectedPosition <= checkpoints.lastKey()) {
            discrepancy = new Discrepancy(expectedPosition, null, "the ledger ends at position " + (expectedPosition - 1)
                    + ", but a signed checkpoint commits " + checkpoints.lastKey() + " entries (entries are missing: "
                    + "a truncated tail, or a rollback to an older state)");
        }
        return discrepancy;
    }

    /** Entries read and found sound that the checkpoints commit. */
    public long entriesVerified() {
        return expectedPosition - 1 - entriesBeyond;
    }

    /** Entries read after the largest checkpoint's size: chain-checked, but no signed root commits them yet. */
    public long entriesBeyond() {
        return entriesBeyond;
    }

    /** The largest checkpoint verified against, or {@code null}. */
    public Checkpoint latest() {
        return checkpoints.isEmpty() ? null : checkpoints.lastEntry().getValue();
    }

    private boolean fail(LedgerEntry entry, String problem) {
        return fail(entry.position(), entry.record().eventId(), problem);
    }

    private boolean fail(long position, String eventId, String problem) {
        discrepancy = new Discrepancy(position, eventId, problem);
        return false;
    }

    private static final class ChainState {
        private String head = HashChain.GENESIS;
        private long lastOffset = -1;
        private long size;
    }
}
