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
import java.util.Optional;

/**
 * Re-verifies the whole stored ledger with the same {@link LedgerVerifier} the offline verifier uses: every entry
 * from position 1 in order, read through a cursor, against the latest signed checkpoint. It trusts nothing stored
 * beside the entries: not the writer's chain state, not the stored checkpoint (whose signature is checked).
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
            Optional<Checkpoint> checkpoint = checkpoints.latest();
            LedgerVerifier verifier = checkpoint.map(signed -> LedgerVerifier.against(signed, checkpoints.keys().publicKey()))
                    .orElseGet(LedgerVerifier::fromTheStart);
            store.stream(1, Long.MAX_VALUE, verifier::accept);
            Discrepancy discrepancy = verifier.finish();
            return new Report(discrepancy == null, verifier.entriesVerified(),
                    checkpoint.map(signed -> new CheckpointChecked(signed.treeSize(), signed.rootHash(), signed.issuedAt(),
                            signed.lastPosition(), signed.keyId())).orElse(null),
                    discrepancy == null ? null : new Mismatch(discrepancy.position(), discrepancy.eventId(), discrepancy.problem()),
                    startedAt);
        });
    }

    /**
     * @param intact          whether every entry matches its hashes and the latest checkpoint
     * @param entriesVerified entries found sound before the first mismatch (all of them when intact)
     * @param checkpoint      the checkpoint verified against ({@code null} while none has been signed)
     * @param firstMismatch   the first entry that does not match ({@code null} when intact)
     */
    public record Report(boolean intact, long entriesVerified, CheckpointChecked checkpoint, Mismatch firstMismatch, Instant checkedAt) {
    }

    public record CheckpointChecked(long treeSize, String rootHash, Instant issuedAt, long lastPosition, String keyId) {
    }

    /**
     * @param position the ledger position of the first entry that does not match ({@code null} when the checkpoint
     *                 itself is unsound)
     * @param eventId  the event id stored at that position, when there is an entry there
     * @param problem  what is wrong
     */
    public record Mismatch(Long position, String eventId, String problem) {
    }
}
