package org.roundtable.kit.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.roundtable.events.Source;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where a record that a consumer of this service cannot handle goes: {@code <topic>.dlt}, with its key, value and
 * headers as they were, the reason in {@link #REASON_HEADER} and, when given, the consumer group that could not handle
 * it in {@link #CONSUMER_HEADER} (several services read one topic; each replays only its own dead letters). A send waits for the broker's acknowledgement, so a
 * consumer passes a record's offset only once its dead letter is safe.
 */
public class DeadLetters {

    public static final String REASON_HEADER = "roundtable_dlt_reason";
    public static final String CONSUMER_HEADER = "roundtable_dlt_consumer";
    private static final long ACKNOWLEDGEMENT_SECONDS = 30;
    private static final int MAX_REASON = 1024;

    private final KafkaTemplate<String, byte[]> producer;

    public DeadLetters(KafkaProperties kafkaProperties) {
        Map<String, Object> settings = new HashMap<>(kafkaProperties.buildProducerProperties());
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(settings));
    }

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        send(record, null, reason);
    }

    public void send(ConsumerRecord<String, byte[]> record, String consumer, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(REASON_HEADER);
        headers.remove(CONSUMER_HEADER);
        headers.add(REASON_HEADER, bounded(reason).getBytes(StandardCharsets.UTF_8));
        if (consumer != null) {
            headers.add(CONSUMER_HEADER, consumer.getBytes(StandardCharsets.UTF_8));
        }
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            producer.send(new ProducerRecord<>(Source.deadLetterTopicOf(record.topic()), null, record.key(), record.value(), headers))
                    .get(ACKNOWLEDGEMENT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering " + where, interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("could not dead-letter " + where, failed);
        }
    }

    private static String bounded(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
    }
}
