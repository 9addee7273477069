package org.roundtable.audit.verifier;

import java.util.Comparator;
import java.util.Objects;

/**
 * One hash chain of the ledger: the events of one partition of one topic, in the partition's order. Kafka keeps that
 * order, so reading the topics again from the beginning rebuilds exactly the same chains.
 */
public record ChainId(String topic, int partition) implements Comparable<ChainId> {

    private static final Comparator<ChainId> ORDER = Comparator.comparing(ChainId::topic).thenComparingInt(ChainId::partition);

    public ChainId {
        Objects.requireNonNull(topic, "topic");
        if (partition < 0) {
            throw new IllegalArgumentException("a partition is 0 or more, was " + partition);
        }
    }

    @Override
    public int compareTo(ChainId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return topic + "/" + partition;
    }
}
