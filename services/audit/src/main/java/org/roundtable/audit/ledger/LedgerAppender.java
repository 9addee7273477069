package org.roundtable.audit.ledger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.roundtable.audit.ledger.LedgerStore.ChainState;
import org.roundtable.audit.verifier.Chain;
import org.roundtable.audit.verifier.ChainId;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.LedgerRecord;
import org.roundtable.audit.verifier.MerkleFrontier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
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
 *   <li>a record that cannot be read as a Roundtable event is appended all the same, as an
 *       {@link LedgerRecord#UNDECODABLE_TYPE} entry holding the reason and the record's bytes
 *       ({@link LedgerRecords#read}): chained, committed by checkpoints and listed like any other, never skipped.</li>
 * </ul>
 * Whatever is appended is stored: the payload's text is kept as hashed, and only a payload PostgreSQL can index is
 * copied to the indexed {@code payload_json} column ({@link IndexableJson}); so no record can stop the ledger.
 * Positions continue from the highest one stored, so they are 1, 2, 3 ... in the order of appending.
 */
@Component
public class LedgerAppender {

    private static final Logger log = LoggerFactory.getLogger(LedgerAppender.class);

    private final LedgerStore store;
    private final TransactionTemplate transaction;
    private final LedgerMetrics metrics;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public LedgerAppender(LedgerStore store, TransactionTemplate transaction, LedgerMetrics metrics, Clock clock,
                          ApplicationEventPublisher events) {
        this.store = store;
        this.transaction = transaction;
        this.metrics = metrics;
        this.clock = clock;
        this.events = events;
    }

    /** Appends the records in the order given (Kafka's order within each partition); returns the entries appended. */
    public List<LedgerEntry> append(List<ConsumerRecord<String, byte[]>> records) {
        List<LedgerEntry> appended;
        try {
            appended = transaction.execute(status -> appendLocked(records, true));
        } catch (DataIntegrityViolationException unindexable) {
            log.warn("ledger: PostgreSQL refused to index a payload of this batch; appending it without the index: {}",
                    unindexable.getMostSpecificCause().getMessage());
            appended = transaction.execute(status -> appendLocked(records, false));
        }
        appended.forEach(entry -> metrics.appended(entry.record().topic()));
        if (!appended.isEmpty()) {
            events.publishEvent(new LedgerAppended(appended.get(appended.size() - 1).position()));
        }
        return appended;
    }

    /** Extends the log's tree by these entries' leaves, in position order, keeping every subtree they complete. */
    private void appendToLog(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        MerkleFrontier log = MerkleFrontier.of(entries.get(0).position() - 1, store::logNode);
        List<LedgerStore.LogNode> nodes = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            log.append(entry.leafHash(), (level, index, hash) -> nodes.add(new LedgerStore.LogNode(level, index, hash)));
        }
        store.insertLogNodes(nodes);
    }

    /**
     * Brings the log's tree up to the entries when it is behind them (a ledger written before the log existed), reading
     * the missing entries in position order. Runs before the ledger reads the topics.
     */
    public void catchUpLog() {
        transaction.executeWithoutResult(status -> {
            store.lockWriters();
            long logSize = store.logSize();
            long last = store.lastPosition();
            if (logSize >= last) {
                return;
            }
            log.info("ledger: adding entries {}..{} to the log's tree", logSize + 1, last);
            List<LedgerEntry> batch = new ArrayList<>();
            store.stream(logSize + 1, last, entry -> {
                batch.add(entry);
                if (batch.size() == 1000) {
                    appendToLog(batch);
                    batch.clear();
                }
                return true;
            });
            appendToLog(batch);
        });
    }

    private List<LedgerEntry> appendLocked(List<ConsumerRecord<String, byte[]>> records, boolean indexing) {
        store.lockWriters();
        Map<ChainId, ChainState> chains = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<LedgerRecord> reads = records.stream().map(LedgerRecords::read).toList();
        Set<String> recorded = store.recordedEventIds(reads.stream().map(LedgerRecord::eventId).toList());
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
            LedgerRecord ledgerRecord = reads.get(i);
            if (recorded.contains(ledgerRecord.eventId()) || !seen.add(ledgerRecord.eventId())) {
                log.info("ledger: {}-{}@{} repeats event {}, already recorded", record.topic(), record.partition(), record.offset(),
                        ledgerRecord.eventId());
                metrics.duplicate(record.topic());
            } else {
                if (ledgerRecord.undecodable()) {
                    log.warn("ledger: {}-{}@{} is not a Roundtable event; recorded as undecodable: {}", record.topic(),
                            record.partition(), record.offset(), ledgerRecord.subject());
                    metrics.undecodable(record.topic());
                }
                entries.add(state.chain().append(ledgerRecord, ++position, now));
            }
            chains.put(id, new ChainState(state.chain(), record.offset() + 1));
        }
        store.insert(entries, indexing);
        appendToLog(entries);
        chains.values().forEach(store::saveChain);
        return entries;
    }
}
