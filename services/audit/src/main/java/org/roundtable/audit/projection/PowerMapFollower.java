package org.roundtable.audit.projection;

import org.roundtable.audit.history.LedgerReader;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.audit.ledger.LedgerAppended;
import org.roundtable.audit.powermap.PowerMapFold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Keeps the power map's tables up with the ledger: folds the entries appended since the last fold, a thousand at a
 * time, each thousand in one transaction with the position it reached. It follows every append, catches up on start,
 * and the power map catches it up before it is read, so a map counts every entry the ledger holds. A ledger behind the
 * tables (emptied, or rebuilt into this database) has them emptied and folded again. A fold that fails leaves the
 * tables as they were, and the next append or read tries again; the ledger itself never waits on it.
 */
@Component
public class PowerMapFollower {

    private static final Logger log = LoggerFactory.getLogger(PowerMapFollower.class);
    private static final int BATCH = 1000;

    private final LedgerReader ledger;
    private final PowerMapTables tables;
    private final TransactionTemplate transaction;
    private PowerMapTables.Session session;

    public PowerMapFollower(LedgerReader ledger, PowerMapTables tables, TransactionTemplate transaction) {
        this.ledger = ledger;
        this.tables = tables;
        this.transaction = transaction;
        this.session = tables.session();
    }

    /** Folds every entry the ledger holds beyond the last fold. */
    public synchronized void catchUp() {
        long last = ledger.lastPosition();
        long folded = tables.foldedPosition();
        if (folded > last) {
            log.info("power map: the ledger ends at {} but {} entries were folded; folding it again", last, folded);
            rebuild();
            return;
        }
        try {
            while (folded < last) {
                long from = folded;
                Long reached = transaction.execute(status -> foldAfter(from));
                folded = reached == null ? last : reached;
            }
        } catch (RuntimeException failed) {
            session = tables.session();
            throw failed;
        }
    }

    /** Empties the power map's tables and folds the whole ledger again. */
    public synchronized void rebuild() {
        transaction.executeWithoutResult(status -> {
            tables.lockFolding();
            tables.clear();
        });
        session = tables.session();
        catchUp();
    }

    private long foldAfter(long position) {
        tables.lockFolding();
        long folded = tables.foldedPosition();
        if (folded != position) {
            session = tables.session();
            return folded;
        }
        List<RecordedEvent> entries = ledger.after(position, BATCH);
        if (entries.isEmpty()) {
            return position;
        }
        PowerMapFold fold = new PowerMapFold(session);
        entries.forEach(fold::fold);
        long reached = entries.get(entries.size() - 1).position();
        session.flush(reached);
        return reached;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        follow();
    }

    @EventListener(LedgerAppended.class)
    void onAppended() {
        follow();
    }

    private void follow() {
        try {
            catchUp();
        } catch (RuntimeException failed) {
            log.warn("power map: could not fold the latest ledger entries; trying again at the next append or read", failed);
        }
    }
}
