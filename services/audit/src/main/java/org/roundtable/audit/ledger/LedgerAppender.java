package org.roundtable.audit.ledger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.roundtable.audit.ledger.LedgerStore.ChainState;
import org.roundtable.audit.verifier.Chain;
import org.roundtable.audit.verifier.ChainId;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.LedgerRecord;
import org.roundtable.events.EventDecodingException;
import org.roundtable.kit.inbox.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Appends a batch of Kafka records to the ledger in one database transaction, holding the writers' lock:
 * <ul>
 *   <li>each record extends the chain of its topic partition; the chain's state (head, size, Merkle frontier and the
 *       next offset to read) is saved with the entries, so the database alone says where reading resumes;</li>
 *   <li>a record at an offset the chain has already passed is a redelivery and is skipped;</li>
 *   <li>an event whose id the ledger already holds (the same event published twice) is skipped, and its offset
 *       passed: the ledger holds each event once;</li>
 *   <li>a record that cannot be read as a Roundtable event goes to {@code <topic>.dlt} with the reason in the kit's
 *       {@value DeadLetters#REASON_HEADER} header, and its offset is passed.</li>
 * </ul>
 * Positions continue from the highest one stored, so they are 1, 2, 3 ... in the order of appending.
 */
@Component
public class LedgerAppender {

    private static final Logger log = LoggerFactory.getLogger(LedgerAppender.class);

    private final LedgerStore store;
    private final TransactionTemplate transaction;
    private final DeadLetters deadLetters;
    private final LedgerMetrics metrics;
    private final Clock clock;

    public LedgerAppender(LedgerStore store, TransactionTemplate transaction, DeadLetters deadLetters,
                          LedgerMetrics metrics, Clock clock) {
        this.store = store;
        this.transaction = transaction;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Appends the records in the order given (Kafka's order within each partition); returns the entries appended. */
    public List<LedgerEntry> append(List<ConsumerRecord<String, byte[]>> records) {
        List<LedgerEntry> appended = transaction.execute(status -> appendLocked(records));
        appended.forEach(entry -> metrics.appended(entry.record().topic()));
        return appended;
    }

    private List<LedgerEntry> appendLocked(List<ConsumerRecord<String, byte[]>> records) {
        store.lockWriters();
        Map<ChainId, ChainState> chains = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Read> reads = records.stream().map(Read::of).toList();
        Set<String> recorded = store.recordedEventIds(reads.stream().filter(read -> read.record() != null)
                .map(read -> read.record().eventId()).toList());
        long position = store.lastPosition();
        Instant now = clock.instant();
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            ChainId id = new ChainId(record.topic(), record.partition());
            ChainState state = chains.computeIfAbsent(id, chain -> store.chain(chain).orElse(new ChainState(new Chain(chain), 0)));
            if (record.offset() < state.nextOffset()) {
                metrics.redelivered(record.topic());
                continue;
            }
            LedgerRecord ledgerRecord = reads.get(i).record();
            if (ledgerRecord == null) {
                deadLetter(record, reads.get(i).refusal());
            } else if (recorded.contains(ledgerRecord.eventId()) || !seen.add(ledgerRecord.eventId())) {
                metrics.duplicate(record.topic());
            } else {
                entries.add(state.chain().append(ledgerRecord, ++position, now));
            }
            chains.put(id, new ChainState(state.chain(), record.offset() + 1));
        }
        store.insert(entries);
        chains.values().forEach(store::saveChain);
        return entries;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn("ledger: {}-{}@{} goes to the dead-letter topic: {}", record.topic(), record.partition(), record.offset(), reason);
        deadLetters.send(record, reason);
        metrics.deadLettered(record.topic());
    }

    /** A record read for the ledger, or the reason it cannot be. */
    private record Read(LedgerRecord record, String refusal) {

        static Read of(ConsumerRecord<String, byte[]> record) {
            try {
                return new Read(LedgerRecords.from(record), null);
            } catch (EventDecodingException unreadable) {
                return new Read(null, unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage());
            }
        }
    }
}
