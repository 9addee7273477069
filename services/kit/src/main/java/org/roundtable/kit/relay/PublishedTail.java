package org.roundtable.kit.relay;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.ConsumerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids of the events most recently committed to the relay's topic: the last {@code depth} offsets of each partition,
 * read committed. A relay whose token is behind what the topic holds (its predecessor was stopped after the broker
 * committed a batch and before the database stored the token) finds there the events it must not publish again.
 *
 * <p>One consumer, assigned to every partition and never in a group, serves every read: a consumer made for each read
 * cost its connection and the topic's metadata each time, and held a relayed event back by over half a second.
 */
class PublishedTail implements AutoCloseable {

    static final String EVENT_ID_HEADER = "ce_id";

    private final ConsumerFactory<String, byte[]> consumers;
    private final String topic;
    private final int depth;
    private final Duration timeout;
    private Consumer<String, byte[]> consumer;
    private List<TopicPartition> partitions;

    PublishedTail(ConsumerFactory<String, byte[]> consumers, String topic, int depth, Duration timeout) {
        this.consumers = consumers;
        this.topic = topic;
        this.depth = depth;
        this.timeout = timeout;
    }

    /** Throws when the broker cannot be read in time, so that the relay's batch fails and is retried. */
    synchronized Set<String> eventIds() {
        try {
            return read();
        } catch (RuntimeException failure) {
            close(); // the next read starts from a consumer of its own
            throw failure;
        }
    }

    private Set<String> read() {
        if (consumer == null) {
            consumer = consumers.createConsumer(null, "-relay-tail");
            partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
        }
        Set<String> ids = new HashSet<>();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, timeout);
        partitions.forEach(partition -> consumer.seek(partition, Math.max(beginnings.get(partition), ends.get(partition) - depth)));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition, timeout) < ends.get(partition))) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("could not read the end of " + topic + " within " + timeout.toMillis() + " ms");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Header id = record.headers().lastHeader(EVENT_ID_HEADER);
                if (id != null) {
                    ids.add(new String(id.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return ids;
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(1));
            consumer = null;
        }
    }
}
