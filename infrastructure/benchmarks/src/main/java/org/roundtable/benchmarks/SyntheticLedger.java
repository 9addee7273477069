package org.roundtable.benchmarks;

import org.roundtable.audit.verifier.Chain;
import org.roundtable.audit.verifier.ChainId;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.LedgerRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A ledger of endorsements made in memory as the service makes one: records spread over 12 chains (four topics, three
 * partitions each), each appended to its chain (canonical encoding, entry hash, the chain's Merkle frontier). Every
 * ledger benchmark reads or writes entries made here.
 */
final class SyntheticLedger {

    static final String[] TOPICS = {"roundtable.proposals", "roundtable.participation", "roundtable.commissioning", "roundtable.outcomes"};
    static final int PARTITIONS = 3;
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    private final List<Chain> chains = new ArrayList<>();
    private final long[] offsets;
    private int appended;

    SyntheticLedger() {
        for (String topic : TOPICS) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                chains.add(new Chain(new ChainId(topic, partition)));
            }
        }
        offsets = new long[chains.size()];
    }

    /** The record of the i-th endorsement (0, 1, 2 ...) on its chain, at that chain's next offset. */
    LedgerRecord next() {
        int i = appended;
        int c = chainOf(i);
        Chain chain = chains.get(c);
        return new LedgerRecord(chain.id().topic(), chain.id().partition(), offsets[c]++, UUID.randomUUID().toString(),
                "participation", "org.roundtable.participation.EndorsementGiven.v1", "EndorsementGiven", "proposal-" + (i % 5000),
                "citizen-" + i, "CITIZEN", null, "corr-" + i, null, (long) i, BASE.plusMillis(i),
                "[[\"ce_specversion\",\"1.0\"],[\"ce_id\",\"" + i + "\"]]",
                "{\"participantId\":\"citizen-" + i + "\",\"proposalId\":\"proposal-" + (i % 5000) + "\",\"reason\":\"we need a garden for the street\"}");
    }

    /** Appends a record made by {@link #next()} to its chain, at the next ledger position. */
    LedgerEntry append(LedgerRecord record) {
        Chain chain = chains.get(chainOf(appended));
        appended++;
        return chain.append(record, appended, BASE);
    }

    private int chainOf(int i) {
        return (int) ((i * 2654435761L) % chains.size());
    }
}
