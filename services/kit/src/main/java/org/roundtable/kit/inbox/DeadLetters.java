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
 * headers as they were and the reason in {@link #REASON_HEADER}. A send waits for the broker's acknowledgement, so a
 * consumer passes a record's offset only once its dead letter is safe.
 */
public class DeadLetters {

    public static final String REASON_HEADER = "roundtable_dlt_reason";
    private static final long ACKNOWLEDGEMENT_SECONDS = 30;

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
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(REASON_HEADER);
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
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
}
