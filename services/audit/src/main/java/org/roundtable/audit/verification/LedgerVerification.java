package org.roundtable.audit.verification;

import org.roundtable.audit.ledger.Checkpoints;
import org.roundtable.audit.ledger.LedgerStore;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.Discrepancy;
import org.roundtable.audit.verifier.LedgerVerifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Re-verifies the whole stored ledger with the same {@link LedgerVerifier} the offline verifier uses: every entry
 * from position 1 in order, read through a cursor, against every checkpoint the log has signed, with the signing key
 * the service holds and the keys it retired by rotation (never a key read from the database). It trusts nothing stored beside the entries: not the writer's
 * chain state, not the log's stored subtrees, not the stored checkpoints (whose signatures are checked; two of one
 * size with different roots, or one larger than the entries, are reported).
 */
@Service
public class LedgerVerification {

    private final LedgerStore store;
    private final Checkpoints checkpoints;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    public LedgerVerification(LedgerStore store, Checkpoints checkpoints, PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    public Report verify() {
        Instant startedAt = clock.instant();
        return readOnly.execute(status -> {
            List<Checkpoint> history = checkpoints.all();
            LedgerVerifier verifier = LedgerVerifier.against(history, checkpoints.trustedKeys());
            store.stream(1, Long.MAX_VALUE, verifier::accept);
            Discrepancy discrepancy = verifier.finish();
            Checkpoint latest = verifier.latest();
            return new Report(discrepancy == null, verifier.entriesVerified(), verifier.entriesBeyond(), history.size(),
                    latest == null ? null : new CheckpointChecked(latest.size(), latest.rootHex(), checkpoints.logKey().vkey()),
                    discrepancy == null ? null : new Mismatch(discrepancy.position(), discrepancy.eventId(), discrepancy.problem()),
                    startedAt);
        });
    }

    /**
     * @param intact             whether every entry matches its hashes and every signed checkpoint
     * @param entriesVerified    entries committed by a checkpoint and found sound (before the first mismatch)
     * @param entriesBeyond      entries after the latest checkpoint: chain-checked, not yet committed by a signed root
     * @param checkpointsChecked how many signed checkpoints the entries were checked against
     * @param checkpoint         the latest checkpoint ({@code null} while none has been signed)
     * @param firstMismatch      the first entry or checkpoint that does not match ({@code null} when intact)
     */
    public record Report(boolean intact, long entriesVerified, long entriesBeyond, int checkpointsChecked, CheckpointChecked checkpoint,
                         Mismatch firstMismatch, Instant checkedAt) {
    }

    public record CheckpointChecked(long treeSize, String rootHash, String key) {
    }

    /**
     * @param position the ledger position of the first entry that does not match ({@code null} when a checkpoint
     *                 itself is unsound)
     * @param eventId  the event id stored at that position, when there is an entry there
     * @param problem  what is wrong
     */
    public record Mismatch(Long position, String eventId, String problem) {
    }
}
