package org.roundtable.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaEnvelopeCodecTest {

    @Published(source = Source.COMMISSIONING, version = 1)
    record SampleVoteCast(String caseId, String vote, List<String> reasons, Instant castAt) implements IntegrationEvent {
        SampleVoteCast {
            if (vote == null) {
                throw new IllegalArgumentException("vote is missing");
            }
        }
    }

    private final KafkaEnvelopeCodec codec = new KafkaEnvelopeCodec(EventCatalog.of(SampleVoteCast.class), EventJson.newMapper());

    private final EventEnvelope envelope = new EventEnvelope(
            "7d0c1f1e-0000-4000-8000-000000000001",
            new EventType(Source.COMMISSIONING, "SampleVoteCast", 1),
            "case-42",
            Instant.parse("2026-11-23T10:15:30.123Z"),
            new Actor("commissioner-1", Role.COMMISSIONER, "Asha Patel"),
            "corr-1",
            "cmd-9",
            7L,
            new SampleVoteCast("case-42", "APPROVE", List.of("grounded in local assets"), Instant.parse("2026-11-23T10:15:30Z")));

    @Test
    void writesABinaryModeCloudEventKeyedByAggregateWithEveryAttribute() {
        ProducerRecord<String, byte[]> record = codec.encode(envelope);

        assertThat(record.topic()).isEqualTo("roundtable.commissioning");
        assertThat(record.key()).isEqualTo("case-42");
        assertThat(header(record.headers().lastHeader("ce_specversion"))).isEqualTo("1.0");
        assertThat(header(record.headers().lastHeader("ce_id"))).isEqualTo("7d0c1f1e-0000-4000-8000-000000000001");
        assertThat(header(record.headers().lastHeader("ce_source"))).isEqualTo("/roundtable/commissioning");
        assertThat(header(record.headers().lastHeader("ce_type"))).isEqualTo("org.roundtable.commissioning.SampleVoteCast.v1");
        assertThat(header(record.headers().lastHeader("ce_subject"))).isEqualTo("case-42");
        assertThat(header(record.headers().lastHeader("ce_time"))).startsWith("2026-11-23T10:15:30.123");
        assertThat(header(record.headers().lastHeader("ce_actorid"))).isEqualTo("commissioner-1");
        assertThat(header(record.headers().lastHeader("ce_actorrole"))).isEqualTo("COMMISSIONER");
        assertThat(header(record.headers().lastHeader("ce_actorname"))).isEqualTo("Asha Patel");
        assertThat(header(record.headers().lastHeader("ce_correlationid"))).isEqualTo("corr-1");
        assertThat(header(record.headers().lastHeader("ce_causationid"))).isEqualTo("cmd-9");
        assertThat(header(record.headers().lastHeader("ce_sequence"))).isEqualTo("0000000000000000007");
        assertThat(header(record.headers().lastHeader("content-type"))).isEqualTo("application/json");
        assertThat(header(record.headers().lastHeader("ce_dataschema")))
                .isEqualTo(EventSchemas.DEFAULT_BASE + "org.roundtable.commissioning.SampleVoteCast.v1.json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .isEqualTo("{\"caseId\":\"case-42\",\"vote\":\"APPROVE\",\"reasons\":[\"grounded in local assets\"],\"castAt\":\"2026-11-23T10:15:30Z\"}");
    }

    @Test
    void readsBackWhatItWrote() {
        assertThat(codec.decode(consumed(codec.encode(envelope)))).isEqualTo(envelope);
    }

    @Test
    void writesSequencesThatOrderLexicographicallyAsTheCloudEventsSequenceExtensionRequires() {
        List<Long> sequences = List.of(0L, 1L, 2L, 9L, 10L, 11L, 99L, 100L, 12345L, Long.MAX_VALUE);
        List<String> written = sequences.stream().map(KafkaEnvelopeCodec::sequenceText).toList();

        assertThat(written).isSortedAccordingTo(String::compareTo).allMatch(text -> text.length() == 19);
        assertThat(written.stream().map(Long::parseLong).toList()).isEqualTo(sequences);
        assertThatThrownBy(() -> KafkaEnvelopeCodec.sequenceText(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void leavesOutTheNameOfAnActorWhoDidNotConsentAndTheCausationWhereThereIsNone() {
        EventEnvelope anonymous = new EventEnvelope(envelope.id(), envelope.type(), envelope.subject(), envelope.time(),
                Actor.of("citizen-3", Role.CITIZEN), "corr-2", null, null, envelope.data());

        ProducerRecord<String, byte[]> record = codec.encode(anonymous);

        assertThat(record.headers().lastHeader("ce_actorname")).isNull();
        assertThat(record.headers().lastHeader("ce_causationid")).isNull();
        assertThat(record.headers().lastHeader("ce_sequence")).isNull();
        assertThat(codec.decode(consumed(record))).isEqualTo(anonymous);
    }

    @Test
    void refusesARecordThatIsNotACloudEvent() {
        ConsumerRecord<String, byte[]> plain = new ConsumerRecord<>("roundtable.commissioning", 2, 15L, "case-42",
                "{\"caseId\":\"case-42\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> codec.decode(plain))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageStartingWith("roundtable.commissioning-2@15: not a CloudEvents 1.0 record");
    }

    @Test
    void namesAMissingExtension() {
        ProducerRecord<String, byte[]> record = codec.encode(envelope);
        record.headers().remove("ce_actorid");

        assertThatThrownBy(() -> codec.decode(consumed(record)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("extension 'actorid' is missing");
    }

    @Test
    void namesAnUnknownTypeAndAMismatchedSource() {
        ProducerRecord<String, byte[]> unknown = codec.encode(envelope);
        unknown.headers().remove("ce_type");
        unknown.headers().add("ce_type", "org.roundtable.commissioning.Unheard.v1".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> wrongSource = codec.encode(envelope);
        wrongSource.headers().remove("ce_source");
        wrongSource.headers().add("ce_source", "/roundtable/outcomes".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> codec.decode(consumed(unknown)))
                .hasMessageContaining("attribute 'type': org.roundtable.commissioning.Unheard.v1 is not in the event catalog");
        assertThatThrownBy(() -> codec.decode(consumed(wrongSource)))
                .hasMessageContaining("attribute 'source': /roundtable/outcomes does not publish");
    }

    @Test
    void namesTheInvalidFieldOfTheData() {
        ProducerRecord<String, byte[]> record = codec.encode(envelope);
        ProducerRecord<String, byte[]> badField = new ProducerRecord<>(record.topic(), null, record.key(),
                "{\"caseId\":\"case-42\",\"vote\":\"APPROVE\",\"castAt\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8), record.headers());
        ProducerRecord<String, byte[]> notJson = new ProducerRecord<>(record.topic(), null, record.key(),
                "{not json".getBytes(StandardCharsets.UTF_8), record.headers());
        ProducerRecord<String, byte[]> refused = new ProducerRecord<>(record.topic(), null, record.key(),
                "{\"caseId\":\"case-42\"}".getBytes(StandardCharsets.UTF_8), record.headers());

        assertThatThrownBy(() -> codec.decode(consumed(badField)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("at field 'castAt'");
        assertThatThrownBy(() -> codec.decode(consumed(notJson)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> codec.decode(consumed(refused)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("vote is missing");
    }

    @Test
    void refusesToWriteAnEnvelopeWhoseTypeDoesNotMatchItsRecord() {
        EventEnvelope mislabelled = new EventEnvelope(envelope.id(), new EventType(Source.COMMISSIONING, "SampleVoteCast", 2),
                envelope.subject(), envelope.time(), envelope.actor(), envelope.correlationId(), null, null, envelope.data());

        assertThatThrownBy(() -> codec.encode(mislabelled)).hasMessageContaining("does not match the catalogued type");
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> produced) {
        return new ConsumerRecord<>(produced.topic(), 0, 3L, 0L, TimestampType.CREATE_TIME, 0, 0,
                produced.key(), produced.value(), new RecordHeaders(produced.headers().toArray()), Optional.empty());
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
