package org.roundtable.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reading and writing the shared broker's topics from tests, as another service would. */
public final class Topics {

    private Topics() {
    }

    /** A read-committed consumer of its own group, reading the topics from the beginning. */
    public static KafkaConsumer<String, byte[]> consumer(String... topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    /** Sends records and waits until the broker acknowledged each. */
    @SafeVarargs
    public static void send(ProducerRecord<String, byte[]>... records) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties)) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception failure) {
            throw new IllegalStateException("could not send to " + records[0].topic(), failure);
        }
    }

    /** Keeps the records that match until {@code done} holds for them, or the time runs out. */
    public static List<ConsumerRecord<String, byte[]>> readUntil(KafkaConsumer<String, byte[]> consumer, Duration timeout,
                                                                 Predicate<ConsumerRecord<String, byte[]>> keep,
                                                                 Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> kept = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !done.test(kept)) {
            consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                if (keep.test(record)) {
                    kept.add(record);
                }
            });
        }
        return kept;
    }

    /**
     * Waits until the consumer group {@code group} has handled every record now on {@code topics}: on each partition
     * its committed offset has passed the last record a read-committed reader sees there (a transaction's commit
     * marker after it counts for nothing). A group commits only after its handler returned, so what a test sent
     * before this call has then been handled, duplicates and refusals included.
     */
    public static void awaitHandled(String group, Duration timeout, String... topics) throws Exception {
        List<TopicPartition> partitions = partitionsOf(topics);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers()));
             KafkaConsumer<String, byte[]> reader = reader()) {
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            Eventually.within(timeout, () -> {
                Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                for (TopicPartition partition : partitions) {
                    long from = committed.get(partition) == null ? 0 : committed.get(partition).offset();
                    if (from < ends.get(partition) && recordBetween(reader, partition, from, ends.get(partition))) {
                        throw new AssertionError(group + " has not yet handled " + partition + " up to offset " + ends.get(partition)
                                + " (committed " + from + ")");
                    }
                }
            });
        }
    }

    /** Every record a read-committed reader sees on {@code topic} now, up to each partition's end when called. */
    public static List<ConsumerRecord<String, byte[]>> readToEnd(String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        List<TopicPartition> partitions = partitionsOf(topic);
        try (KafkaConsumer<String, byte[]> reader = reader()) {
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(partition -> reader.position(partition) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                reader.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean recordBetween(KafkaConsumer<String, byte[]> reader, TopicPartition partition, long from, long end) {
        reader.assign(List.of(partition));
        reader.seek(partition, from);
        Instant deadline = Instant.now().plusSeconds(10);
        while (reader.position(partition) < end && Instant.now().isBefore(deadline)) {
            if (!reader.poll(Duration.ofMillis(200)).isEmpty()) {
                return true;
            }
        }
        return reader.position(partition) < end;
    }

    private static List<TopicPartition> partitionsOf(String... topics) {
        try (KafkaConsumer<String, byte[]> reader = reader()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                reader.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            return partitions;
        }
    }

    /** A read-committed consumer of no group, for reading partitions it is assigned. */
    private static KafkaConsumer<String, byte[]> reader() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(properties);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
