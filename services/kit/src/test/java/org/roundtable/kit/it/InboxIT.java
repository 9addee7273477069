package org.roundtable.kit.it;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.Topics;
import org.roundtable.events.Actor;
import org.roundtable.events.EventCatalog;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.kit.inbox.Inbox;
import org.roundtable.kit.inbox.DeadLetters;
import org.roundtable.kit.sample.SampleEvents.SampleDecided;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InboxIT extends KitIntegrationTest {

    @Autowired
    KafkaEnvelopeCodec codec;

    @Autowired
    EventCatalog catalog;

    @Autowired
    Inbox inbox;

    @Autowired
    MeterRegistry meters;

    @Test
    void anEventDeliveredTwiceIsHandledOnce() throws Exception {
        String id = createSample(citizenToken("citizen-inbox"), "Befriending scheme");
        EventEnvelope decided = decided(id, false);
        double duplicatesBefore = duplicates();

        Topics.send(codec.encode(decided));
        Topics.send(codec.encode(decided));

        Eventually.within(Duration.ofSeconds(60), () -> assertThat(duplicates()).isGreaterThan(duplicatesBefore));
        assertThat(storedPayloadTypes(id)).containsExactly(
                "org.roundtable.kit.sample.SampleEvents$SampleCreated", "org.roundtable.kit.sample.SampleEvents$SampleMarked");
        assertThat(inbox.hasHandled(decided.id())).isTrue();
        String metadata = jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 1", String.class, id);
        assertThat(JSON.readTree(metadata).get("actorId").asText()).isEqualTo("roundtable-proposals");
        assertThat(JSON.readTree(metadata).get("actorRole").asText()).isEqualTo("SYSTEM");
        assertThat(JSON.readTree(metadata).get("correlationId").asText()).isEqualTo(decided.correlationId());
        assertThat(JSON.readTree(metadata).get("causationId").asText()).as("the event it reacted to").isEqualTo(decided.id());
        assertThat(JSON.readTree(metadata).get("actorName").asText()).isEqualTo("Roundtable proposals");
    }

    @Test
    void anUndecodableRecordIsDeadLetteredWithItsReasonAndTheNextGoodRecordIsStillHandled() throws Exception {
        String id = createSample(citizenToken("citizen-dlt"), "Community fridge");
        String poisonKey = "poison-" + UUID.randomUUID();
        EventEnvelope good = decided(id, false);

        Topics.send(new ProducerRecord<>("roundtable.commissioning", poisonKey, "{\"not\":\"a cloud event\"}".getBytes(StandardCharsets.UTF_8)));
        Topics.send(codec.encode(good));

        List<ConsumerRecord<String, byte[]>> deadLetters;
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer("roundtable.commissioning.dlt")) {
            deadLetters = Topics.readUntil(consumer, Duration.ofSeconds(60), record -> poisonKey.equals(record.key()), kept -> !kept.isEmpty());
        }
        assertThat(deadLetters).hasSize(1);
        assertThat(new String(deadLetters.get(0).headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .contains("EventDecodingException").contains("not a CloudEvents 1.0 record");
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(storedPayloadTypes(id)).hasSize(2));
        assertThat(inbox.hasHandled(good.id())).isTrue();
    }

    @Test
    void aRecordWhoseHandlerKeepsFailingIsDeadLetteredAfterRetriesAndLeavesNoTrace() throws Exception {
        String id = createSample(citizenToken("citizen-refuse"), "Men's shed");
        EventEnvelope refused = decided(id, true);
        EventEnvelope good = decided(id, false);

        Topics.send(codec.encode(refused));
        Topics.send(codec.encode(good));

        List<ConsumerRecord<String, byte[]>> deadLetters;
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer("roundtable.commissioning.dlt")) {
            deadLetters = Topics.readUntil(consumer, Duration.ofSeconds(60),
                    record -> refused.id().equals(Topics.header(record, "ce_id")), kept -> !kept.isEmpty());
        }
        assertThat(deadLetters).hasSize(1);
        assertThat(new String(deadLetters.get(0).headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8))
                .contains("refuses decision " + refused.dataAs(SampleDecided.class).decisionId());
        Eventually.within(Duration.ofSeconds(60), () -> assertThat(inbox.hasHandled(good.id())).isTrue());
        assertThat(inbox.hasHandled(refused.id())).isFalse();
        assertThat(storedPayloadTypes(id)).hasSize(2);
    }

    private EventEnvelope decided(String sampleId, boolean refuse) {
        String decisionId = UUID.randomUUID().toString();
        return new EventEnvelope(UUID.randomUUID().toString(), catalog.typeOf(SampleDecided.class), "case-" + sampleId,
                Instant.now(), Actor.system("commissioning"), "corr-" + decisionId, null, 3L,
                new SampleDecided(sampleId, decisionId, refuse));
    }

    private double duplicates() {
        return meters.find("roundtable.inbox.duplicates").counters().stream().mapToDouble(counter -> counter.count()).sum();
    }
}
