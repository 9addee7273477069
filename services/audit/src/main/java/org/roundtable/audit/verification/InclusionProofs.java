package org.roundtable.audit.verification;

import org.roundtable.audit.ledger.Checkpoints;
import org.roundtable.audit.ledger.LedgerStore;
import org.roundtable.audit.verifier.ChainHead;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.InclusionProof;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proves that an event is in the ledger the latest signed checkpoint commits to ({@link InclusionProof}). An event
 * appended after that checkpoint has no proof until the next one is signed.
 */
@Service
public class InclusionProofs {

    private final LedgerStore store;
    private final Checkpoints checkpoints;
    private final TransactionTemplate readOnly;

    public InclusionProofs(LedgerStore store, Checkpoints checkpoints, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    public InclusionProof prove(String eventId) {
        return readOnly.execute(status -> {
            LedgerEntry entry = store.byEventId(eventId).orElseThrow(() -> new NotFound("the ledger holds no event " + eventId));
            Checkpoint checkpoint = checkpoints.latest()
                    .orElseThrow(() -> new RuleViolation("no checkpoint has been signed yet; request one or wait for the next"));
            int leaf = checkpoint.leafIndexOf(entry.record().chain());
            ChainHead head = leaf < 0 ? null : checkpoint.chains().get(leaf);
            if (head == null || head.size() < entry.chainIndex()) {
                throw new RuleViolation("event " + eventId + " was appended after the latest checkpoint (" + checkpoint.issuedAt()
                        + "); request a checkpoint or wait for the next");
            }
            return InclusionProof.of(entry, store.leafHashes(entry.record().chain(), head.size()), checkpoint);
        });
    }
}
