package org.roundtable.audit.verification;

import org.roundtable.audit.ledger.Checkpoints;
import org.roundtable.audit.ledger.LedgerStore;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.ConsistencyProof;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.MerkleTree;
import org.roundtable.audit.verifier.Receipt;
import org.roundtable.audit.verifier.Sha256;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 proofs over the log's stored subtrees: inclusion of any leaf in any tree size up to the log's, consistency
 * between any two tree sizes, the leaf hashes themselves, and receipts (an entry, its inclusion proof and the latest
 * signed checkpoint). Proofs are computed from stored complete subtrees, never from the entries.
 */
@Service
public class LogProofs {

    public static final int MAX_LEAVES = 1000;

    private final LedgerStore store;
    private final Checkpoints checkpoints;
    private final MerkleTree.Subtrees tree;
    private final TransactionTemplate readOnly;

    public LogProofs(LedgerStore store, Checkpoints checkpoints, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.tree = MerkleTree.over(store::logNode);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** The audit path of leaf {@code index} (the entry at position index + 1) in the tree of {@code treeSize} leaves. */
    public List<byte[]> inclusion(long index, long treeSize) {
        requireSize("treeSize", treeSize);
        if (index < 0 || index >= treeSize) {
            throw new InvalidInput("index", "index must be between 0 and treeSize - 1");
        }
        return readOnly.execute(status -> MerkleTree.inclusionProof(tree, index, treeSize));
    }

    public ConsistencyProof consistency(long from, long to) {
        requireSize("to", to);
        if (from < 1 || from > to) {
            throw new InvalidInput("from", "from must be between 1 and to");
        }
        return readOnly.execute(status -> ConsistencyProof.of(from, to, MerkleTree.consistencyProof(tree, from, to)));
    }

    /** The leaf hashes of leaves {@code [from, from + count)}, hex. */
    public List<String> leaves(long from, int count) {
        if (count < 1 || count > MAX_LEAVES) {
            throw new InvalidInput("count", "count must be between 1 and " + MAX_LEAVES);
        }
        long size = store.logSize();
        if (from < 0 || from >= size) {
            throw new InvalidInput("from", "from must be between 0 and " + (size - 1));
        }
        return readOnly.execute(status -> {
            List<String> leaves = new ArrayList<>();
            for (long index = from; index < Math.min(size, from + count); index++) {
                leaves.add(Sha256.hex(store.logNode(0, index)));
            }
            return leaves;
        });
    }

    /** A receipt for an event: its entry and the proof that the latest signed checkpoint includes it. */
    public Receipt receipt(String eventId) {
        return readOnly.execute(status -> {
            LedgerEntry entry = store.byEventId(eventId).orElseThrow(() -> new NotFound("the ledger holds no event " + eventId));
            Checkpoint checkpoint = checkpoints.latest()
                    .orElseThrow(() -> new RuleViolation("no checkpoint has been signed yet; request one or wait for the next"))
                    .checkpoint();
            if (entry.position() > checkpoint.size()) {
                throw new RuleViolation("event " + eventId + " was appended after the latest checkpoint (" + checkpoint.size()
                        + " entries); wait for the next");
            }
            return Receipt.of(entry, MerkleTree.inclusionProof(tree, entry.position() - 1, checkpoint.size()), checkpoint);
        });
    }

    private void requireSize(String field, long treeSize) {
        long size = store.logSize();
        if (treeSize < 1 || treeSize > size) {
            throw new InvalidInput(field, field + " must be between 1 and the log's size " + size);
        }
    }
}
