package org.roundtable.audit.verifier;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Re-verifies a ledger read entry by entry in position order, in constant memory per chain, and finds the first entry
 * that does not match. For each entry it checks, in this order:
 * <ol>
 *   <li>its position is the next one (a gap means an entry was removed, a step back that entries were reordered);</li>
 *   <li>it is the next entry of its chain (chain index and a Kafka offset after the previous one's);</li>
 *   <li>its previous hash is the hash of the chain's entry before it (a removed or moved entry breaks this link);</li>
 *   <li>its hash is the hash of its previous hash and its content (a changed byte breaks this).</li>
 * </ol>
 * Given a checkpoint, it also checks the checkpoint on its own (root over its chain heads, size, Ed25519 signature)
 * and that every chain, when it reaches the size the checkpoint commits, has the committed head hash and Merkle root.
 */
public final class LedgerVerifier {

    private final Checkpoint checkpoint;
    private final PublicKey publicKey;
    private final Map<ChainId, ChainState> chains = new HashMap<>();
    private final Map<ChainId, ChainHead> committed = new TreeMap<>();
    private long expectedPosition;
    private long entries;
    private Discrepancy discrepancy;

    private LedgerVerifier(long firstPosition, Checkpoint checkpoint, PublicKey publicKey) {
        this.expectedPosition = firstPosition;
        this.checkpoint = checkpoint;
        this.publicKey = publicKey;
        if (checkpoint != null) {
            checkpoint.chains().forEach(head -> committed.put(head.chain(), head));
            String problem = checkpoint.problemWith(publicKey);
            if (problem != null) {
                discrepancy = new Discrepancy(null, null, "the checkpoint is not sound: " + problem);
            }
        }
    }

    /** Verifies a whole ledger, from position 1, without a checkpoint. */
    public static LedgerVerifier fromTheStart() {
        return new LedgerVerifier(1, null, null);
    }

    /** Verifies a whole ledger, from position 1, against a signed checkpoint. */
    public static LedgerVerifier against(Checkpoint checkpoint, PublicKey publicKey) {
        return new LedgerVerifier(1, checkpoint, publicKey);
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
        if (entry.chainIndex() != chain.frontier.size() + 1) {
            return fail(entry, "it is entry " + entry.chainIndex() + " of chain " + record.chain() + ", but the chain has "
                    + chain.frontier.size() + " entries before it");
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
        chain.frontier.append(MerkleTree.leafHash(Sha256.fromHex(entry.hash())));
        ChainHead promised = committed.get(record.chain());
        if (promised != null && promised.size() == chain.frontier.size()) {
            String root = Sha256.hex(chain.frontier.root());
            if (!promised.headHash().equals(entry.hash()) || !promised.root().equals(root)) {
                return fail(entry, "chain " + record.chain() + " at " + promised.size() + " entries has head " + entry.hash()
                        + " and root " + root + ", but the checkpoint commits head " + promised.headHash() + " and root " + promised.root());
            }
            chain.matchedCheckpoint = true;
        }
        if (checkpoint != null && entry.position() == checkpoint.lastPosition()) {
            String problem = checkpointNotReached();
            if (problem != null) {
                return fail(entry, "at the checkpoint's last position " + problem);
            }
        }
        expectedPosition++;
        entries++;
        return true;
    }

    /** Called after the last entry: the first discrepancy, or {@code null} when everything matches. */
    public Discrepancy finish() {
        if (discrepancy == null && checkpoint != null && expectedPosition <= checkpoint.lastPosition()) {
            discrepancy = new Discrepancy(expectedPosition, null, "the ledger ends at position " + (expectedPosition - 1)
                    + ", before the checkpoint's last position " + checkpoint.lastPosition() + " (entries are missing)");
        }
        return discrepancy;
    }

    public long entriesVerified() {
        return entries;
    }

    private String checkpointNotReached() {
        for (ChainHead promised : committed.values()) {
            ChainState chain = chains.get(promised.chain());
            long size = chain == null ? 0 : chain.frontier.size();
            if (size != promised.size() || (size > 0 && !chain.matchedCheckpoint)) {
                return "chain " + promised.chain() + " has " + size + " entries, the checkpoint commits " + promised.size();
            }
        }
        for (Map.Entry<ChainId, ChainState> chain : chains.entrySet()) {
            if (!committed.containsKey(chain.getKey())) {
                return "chain " + chain.getKey() + " has entries the checkpoint does not commit";
            }
        }
        return null;
    }

    private boolean fail(LedgerEntry entry, String problem) {
        return fail(entry.position(), entry.record().eventId(), problem);
    }

    private boolean fail(long position, String eventId, String problem) {
        discrepancy = new Discrepancy(position, eventId, problem);
        return false;
    }

    private static final class ChainState {
        private final MerkleFrontier frontier = new MerkleFrontier();
        private String head = HashChain.GENESIS;
        private long lastOffset = -1;
        private boolean matchedCheckpoint;
    }
}
