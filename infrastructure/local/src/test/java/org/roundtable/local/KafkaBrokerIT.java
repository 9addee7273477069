package org.roundtable.local;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaBrokerIT {

    private static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.temporary();
        broker.start();
    }

    @AfterAll
    static void stop() {
        broker.stop();
    }

    @Test
    void keepsWhatItWasGivenAcrossAnOutageOnTheSamePort() throws Exception {
        String bootstrapServers = broker.bootstrapServers();
        String topic = "support-check-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(broker, 30_000)) {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, "key", "before the outage")).get(30, TimeUnit.SECONDS);
            assertThat(written.hasOffset()).isTrue();
        }

        broker.stop();

        assertThat(broker.isRunning()).isFalse();
        try (KafkaProducer<String, String> producer = producer(broker, 2_000)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "key", "during the outage")).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }

        broker.start();

        assertThat(broker.isRunning()).isTrue();
        assertThat(broker.bootstrapServers()).isEqualTo(bootstrapServers);
        try (KafkaProducer<String, String> producer = producer(broker, 30_000)) {
            producer.send(new ProducerRecord<>(topic, "key", "after the outage")).get(30, TimeUnit.SECONDS);
        }
        assertThat(readAll(broker, topic, 2)).containsExactly("before the outage", "after the outage");
    }

    @Test
    void startingARunningBrokerChangesNothing() throws Exception {
        long pid = brokerProcesses().get(0).pid();

        broker.start();

        assertThat(broker.isRunning()).isTrue();
        assertThat(brokerProcesses()).extracting(ProcessHandle::pid).containsExactly(pid);
    }

    @Test
    void stoppingEndsTheBrokerProcess() throws Exception {
        KafkaBroker another = KafkaBroker.temporary();
        another.start();
        List<ProcessHandle> running = brokerProcesses();

        another.stop();

        assertThat(another.isRunning()).isFalse();
        assertThat(brokerProcesses()).hasSize(running.size() - 1);
        assertThat(running).filteredOn(ProcessHandle::isAlive).hasSize(running.size() - 1);
    }

    /** The broker processes this JVM runs. */
    private static List<ProcessHandle> brokerProcesses() {
        return ProcessHandle.current().children()
                .filter(child -> child.info().commandLine().orElse("").contains(KafkaBrokerMain.class.getName())).toList();
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker, int timeoutMillis) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMillis, 30_000));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMillis + 1_000);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(properties);
    }

    private static List<String> readAll(KafkaBroker broker, String topic, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "support-check-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(60);
            while (values.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
