package org.roundtable.kit.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's embedded event store, whose reader (the one thread that feeds every tracking processor: the relay, the
 * projections, the sagas) is woken once the database transaction that stored new events has committed.
 *
 * <p>Axon wakes that reader when its own unit of work commits, and otherwise the reader looks again only after its fetch
 * delay. Events stored inside a transaction that someone else opened (the inbox's, around the heard event it keeps
 * and the commands its handler sends; a command's unit of work joins it) reach that moment before the database
 * commit: the reader finds nothing yet and would wait the whole delay. Here, while such a transaction is under way,
 * the wake-up waits for its commit. A command in a transaction of its own has committed by the time Axon calls
 * {@link #afterCommit}, so its events wake the reader at once, as in Axon.
 */
public class CommitWakingEventStore extends EmbeddedEventStore {

    /** One per store: registered twice in one transaction, it is still called once. */
    private final TransactionSynchronization wakeReaderOnCommit = new TransactionSynchronization() {
        @Override
        public void afterCommit() {
            wakeReader();
        }
    };

    public CommitWakingEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(wakeReaderOnCommit);
        } else {
            wakeReader();
        }
    }

    private void wakeReader() {
        super.afterCommit(List.of());
    }
}
