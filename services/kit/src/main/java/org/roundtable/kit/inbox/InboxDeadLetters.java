package org.roundtable.kit.inbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.roundtable.events.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The inbox's dead letters: the records of {@code <topic>.dlt} that this service's consumer group set aside, read from
 * where the last replay stopped (a consumer group of their own, {@code <group>-dead-letters}). A replay hands each to
 * the inbox again: one handled before is recognised by its event id and changes nothing; one that fails again goes back
 * to the end of the dead-letter topic with its new reason, for the next replay.
 */
public class InboxDeadLetters {

    /** At most this many dead letters are listed; the count is always complete. */
    static final int LISTED = 200;

    private static final Logger log = LoggerFactory.getLogger(InboxDeadLetters.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READING_LIMIT = Duration.ofSeconds(30);

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final String consumerGroup;
    private final Map<String, Object> consumerSettings;
    private final InboxMetrics metrics;

    public InboxDeadLetters(Inbox inbox, DeadLetters deadLetters, String consumerGroup, Map<String, Object> kafkaConsumerSettings,
                            InboxMetrics metrics) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.consumerGroup = consumerGroup;
        this.metrics = metrics;
        this.consumerSettings = new HashMap<>(kafkaConsumerSettings);
        consumerSettings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerSettings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroup + "-dead-letters");
        consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerSettings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    /** The dead letters waiting for a replay, oldest first. */
    public synchronized Pending list() {
        List<InboxDeadLetter> letters = new ArrayList<>();
        long[] count = {0};
        read(false, record -> {
            count[0]++;
            if (letters.size() < LISTED) {
                letters.add(InboxDeadLetter.of(record));
            }
        });
        return new Pending(consumerGroup, count[0], letters);
    }

    /** Hands every waiting dead letter to the inbox again, in the order they were set aside. */
    public synchronized Replay replay() {
        int[] outcomes = new int[3];
        read(true, dead -> {
            ConsumerRecord<String, byte[]> original = original(dead);
            try {
                boolean handled = inbox.handle(original);
                outcomes[handled ? 0 : 1]++;
                metrics.replayed(original.topic(), handled ? "handled" : "duplicate");
            } catch (RuntimeException failure) {
                String reason = InboxContainer.reason(failure);
                log.warn("inbox: the dead letter {}-{}@{} failed again and goes back to the dead-letter topic: {}",
                        dead.topic(), dead.partition(), dead.offset(), reason);
                deadLetters.send(original, consumerGroup, reason);
                outcomes[2]++;
                metrics.replayed(original.topic(), "failed");
            }
        });
        log.info("inbox: replayed dead letters: {} handled, {} handled before, {} failed again", outcomes[0], outcomes[1], outcomes[2]);
        return new Replay(consumerGroup, outcomes[0], outcomes[1], outcomes[2]);
    }

    /**
     * Reads this group's dead letters from where the last replay stopped up to the end the topics have now; with
     * {@code advance}, stores that end as the new starting point once every record has been visited.
     */
    private void read(boolean advance, Consumer<ConsumerRecord<String, byte[]>> visit) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerSettings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : inbox.deadLetterTopics()) {
                consumer.partitionsFor(topic).forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition())));
            }
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> start = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = start.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from.offset());
                }
            }
            Instant deadline = Instant.now().plus(READING_LIMIT);
            while (!reachedEnd(consumer, partitions, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read the dead-letter topics " + inbox.deadLetterTopics()
                            + " to their end within " + READING_LIMIT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition())) && isOurs(record)) {
                        visit.accept(record);
                    }
                }
            }
            if (advance) {
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                end.forEach((partition, offset) -> done.put(partition, new OffsetAndMetadata(offset)));
                consumer.commitSync(done);
            }
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= end.get(partition));
    }

    private boolean isOurs(ConsumerRecord<String, byte[]> record) {
        return consumerGroup.equals(header(record, DeadLetters.CONSUMER_HEADER));
    }

    /** The record as it was on its own topic: the dead-letter headers taken off. */
    private static ConsumerRecord<String, byte[]> original(ConsumerRecord<String, byte[]> dead) {
        ConsumerRecord<String, byte[]> original = new ConsumerRecord<>(Source.topicOfDeadLetterTopic(dead.topic()), dead.partition(),
                dead.offset(), dead.key(), dead.value());
        for (Header header : dead.headers()) {
            if (!header.key().equals(DeadLetters.REASON_HEADER) && !header.key().equals(DeadLetters.CONSUMER_HEADER)) {
                original.headers().add(header);
            }
        }
        return original;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * One dead letter of the inbox.
     *
     * @param eventId the CloudEvents id, absent when the record was not a CloudEvent at all
     */
    public record InboxDeadLetter(String deadLetterTopic, int partition, long offset, String key, String eventId, String eventType,
                                  Instant deadLetteredAt, String reason) {

        static InboxDeadLetter of(ConsumerRecord<String, byte[]> record) {
            return new InboxDeadLetter(record.topic(), record.partition(), record.offset(), record.key(), header(record, "ce_id"),
                    header(record, "ce_type"), Instant.ofEpochMilli(record.timestamp()), header(record, DeadLetters.REASON_HEADER));
        }
    }

    /**
     * The inbox's dead letters waiting for a replay.
     *
     * @param deadLetters how many
     * @param letters     the first {@value #LISTED} of them
     */
    public record Pending(String consumerGroup, long deadLetters, List<InboxDeadLetter> letters) {
    }

    /**
     * What a replay did.
     *
     * @param handled       dead letters handled now
     * @param handledBefore dead letters whose event had been handled already (or that this service ignores): nothing changed
     * @param failed        dead letters that failed again and went back to the dead-letter topic
     */
    public record Replay(String consumerGroup, int handled, int handledBefore, int failed) {
    }
}
