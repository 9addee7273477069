package org.roundtable.audit.ledger;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.roundtable.audit.verifier.LedgerRecord;
import org.roundtable.events.EventDecodingException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerRecordsTest {

    private static ConsumerRecord<String, byte[]> record(String topic, UnaryOperator<CloudEventBuilder> change) {
        CloudEventBuilder event = CloudEventBuilder.v1().withId("event-1").withSource(URI.create("/roundtable/commissioning"))
                .withType("org.roundtable.commissioning.VoteCast.v1").withSubject("case-1")
                .withTime(OffsetDateTime.of(2026, 2, 3, 4, 5, 6, 789_123_456, ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData("{\"vote\": \"APPROVE\", \"caseId\": \"case-1\"}".getBytes(StandardCharsets.UTF_8))
                .withExtension("actorid", "commissioner-1").withExtension("actorrole", "COMMISSIONER")
                .withExtension("correlationid", "corr-1").withExtension("sequence", "4");
        ProducerRecord<String, byte[]> produced = KafkaMessageFactory.<String>createWriter(topic, "case-1").writeBinary(change.apply(event).build());
        return new ConsumerRecord<>(topic, 2, 17, 0L, TimestampType.CREATE_TIME, -1, produced.value().length, produced.key(),
                produced.value(), produced.headers(), Optional.empty());
    }

    @Test
    void readsTheAttributesTheHeadersAndTheCanonicalPayload() {
        LedgerRecord read = LedgerRecords.from(record("roundtable.commissioning", UnaryOperator.identity()));

        assertThat(read.chain().toString()).isEqualTo("roundtable.commissioning/2");
        assertThat(read.offset()).isEqualTo(17);
        assertThat(read.eventId()).isEqualTo("event-1");
        assertThat(read.source()).isEqualTo("commissioning");
        assertThat(read.eventName()).isEqualTo("VoteCast");
        assertThat(read.actorRole()).isEqualTo("COMMISSIONER");
        assertThat(read.actorName()).isNull();
        assertThat(read.sequence()).isEqualTo(4L);
        assertThat(read.occurredAt()).isEqualTo(Instant.parse("2026-02-03T04:05:06.789123Z"));
        assertThat(read.payload()).isEqualTo("{\"caseId\":\"case-1\",\"vote\":\"APPROVE\"}");
        assertThat(read.headers()).startsWith("[[\"ce_").contains("[\"ce_actorid\",\"commissioner-1\"]");
    }

    @Test
    void refusesWhatIsNotARoundtableEventOfTheTopicsService() {
        assertThatThrownBy(() -> LedgerRecords.from(record("roundtable.outcomes", UnaryOperator.identity())))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("is not published on roundtable.outcomes");
        assertThatThrownBy(() -> LedgerRecords.from(record("roundtable.commissioning",
                event -> event.withSource(URI.create("/roundtable/outcomes"))))).hasMessageContaining("attribute 'source'");
        assertThatThrownBy(() -> LedgerRecords.from(record("roundtable.commissioning",
                event -> event.withType("VoteCast")))).hasMessageContaining("attribute 'type'");
        assertThatThrownBy(() -> LedgerRecords.from(record("roundtable.commissioning",
                event -> event.withTime(null)))).hasMessageContaining("attribute 'time' is missing");
        assertThatThrownBy(() -> LedgerRecords.from(record("roundtable.commissioning",
                event -> event.withSubject(null)))).hasMessageContaining("attribute 'subject' is missing");
        assertThatThrownBy(() -> LedgerRecords.from(record("roundtable.commissioning",
                event -> event.withData("{\"vote\":".getBytes(StandardCharsets.UTF_8))))).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> LedgerRecords.from(record("roundtable.commissioning",
                event -> event.withExtension("actorrole", "KING")))).hasMessageContaining("extension 'actorrole'");
        assertThatThrownBy(() -> LedgerRecords.from(record("roundtable.commissioning",
                event -> event.withExtension("sequence", "four")))).hasMessageContaining("extension 'sequence'");
        assertThatThrownBy(() -> LedgerRecords.from(record("roundtable.commissioning",
                event -> event.withId("x".repeat(101))))).hasMessageContaining("longer than 100");
        assertThatThrownBy(() -> LedgerRecords.from(new ConsumerRecord<>("roundtable.commissioning", 0, 0, "k",
                "plain".getBytes(StandardCharsets.UTF_8)))).hasMessageContaining("not a CloudEvents");
        assertThatThrownBy(() -> LedgerRecords.from(new ConsumerRecord<>("roundtable.elsewhere", 0, 0, 0L, TimestampType.CREATE_TIME,
                -1, 1, "k", new byte[]{1}, new RecordHeaders(), Optional.empty()))).hasMessageContaining("not a Roundtable event topic");
    }
}
