package org.roundtable.kit.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.TestTokens;
import org.roundtable.testsupport.Topics;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.kit.relay.EventRelay;
import org.roundtable.kit.sample.SampleEvents.SampleCreated;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreAndRelayIT extends KitIntegrationTest {

    @Autowired
    KafkaEnvelopeCodec codec;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aCommandFromAnAuthenticatedActorIsStoredAsReadableJsonNamingActorRoleCorrelationAndTheRequestAsCause() throws Exception {
        ApiClient.Response created = send("POST", "/api/samples", citizenToken("citizen-store"),
                JSON.writeValueAsString(Map.of("title", "Library garden")), "X-Correlation-Id", "corr-store-1");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        String requestId = created.header("X-Request-Id");

        Map<String, Object> row = jdbc.queryForMap(
                "select convert_from(payload, 'UTF8') as payload, convert_from(meta_data, 'UTF8') as metadata, payload_type "
                        + "from domain_event_entry where aggregate_identifier = ?", id);
        JsonNode payload = JSON.readTree((String) row.get("payload"));
        JsonNode metadata = JSON.readTree((String) row.get("metadata"));

        assertThat(row.get("payload_type")).isEqualTo(SampleCreated.class.getName());
        assertThat(payload.get("sampleId").asText()).isEqualTo(id);
        assertThat(payload.get("title").asText()).isEqualTo("Library garden");
        assertThat(metadata.get("actorId").asText()).isEqualTo("citizen-store");
        assertThat(metadata.get("actorRole").asText()).isEqualTo("CITIZEN");
        assertThat(metadata.get("correlationId").asText()).isEqualTo("corr-store-1");
        assertThat(requestId).isNotBlank().isNotEqualTo("corr-store-1");
        assertThat(metadata.get("causationId").asText()).isEqualTo(requestId);
        assertThat(metadata.has("actorName")).as("a citizen is not named in the event").isFalse();
    }

    @Test
    void someoneActingInAPublicOfficeIsNamedOnTheRecordByTheirTokensNameClaim() throws Exception {
        String id = createSample(TestTokens.shared().mint("chen-relay", "Chen Li", "STAFF"), "Library volunteers");

        EventEnvelope envelope = publishedFor(id);

        assertThat(envelope.actor().subjectId()).isEqualTo("chen-relay");
        assertThat(envelope.actor().role()).isEqualTo(Role.STAFF);
        assertThat(envelope.actor().displayName()).isEqualTo("Chen Li");
    }

    private EventEnvelope publishedFor(String id) {
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer("roundtable.proposals")) {
            List<ConsumerRecord<String, byte[]>> records = Topics.readUntil(consumer, Duration.ofSeconds(60),
                    record -> id.equals(record.key()), kept -> !kept.isEmpty());
            String actorName = Topics.header(records.get(0), "ce_actorname");
            EventEnvelope envelope = codec.decode(records.get(0));
            assertThat(actorName).isEqualTo(envelope.actor().displayName());
            return envelope;
        }
    }

    @Test
    void theEventStoreKeepsJsonInByteaAndNumbersEventsFromItsOwnGapFreeSequence() {
        List<String> columnTypes = jdbc.queryForList("select data_type from information_schema.columns "
                + "where table_name = 'domain_event_entry' and column_name in ('payload', 'meta_data')", String.class);
        Long increment = jdbc.queryForObject("select increment_by from pg_sequences where sequencename = 'domain_event_global_index_seq'", Long.class);
        Long largeObjects = jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class);

        assertThat(columnTypes).containsExactly("bytea", "bytea");
        assertThat(increment).isEqualTo(1L);
        assertThat(largeObjects).isZero();
    }

    @Test
    void theRelayPublishesTheStoredEventAsACloudEventKeyedByAggregateWithEveryEnvelopeField() throws Exception {
        String id = createSample(citizenToken("citizen-relay"), "Walking group", "X-Correlation-Id", "corr-relay-1");
        String storedId = jdbc.queryForObject("select event_identifier from domain_event_entry where aggregate_identifier = ?", String.class, id);

        List<ConsumerRecord<String, byte[]>> records;
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer("roundtable.proposals")) {
            records = Topics.readUntil(consumer, Duration.ofSeconds(60), record -> id.equals(record.key()), kept -> !kept.isEmpty());
        }

        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.get(0);
        for (String header : List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time",
                "ce_actorid", "ce_actorrole", "ce_correlationid", "ce_causationid", "ce_sequence")) {
            assertThat(record.headers().lastHeader(header)).as(header).isNotNull();
        }
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("org.roundtable.proposals.SampleCreated.v1");
        EventEnvelope envelope = codec.decode(record);
        assertThat(envelope.id()).isEqualTo(storedId);
        assertThat(envelope.subject()).isEqualTo(id);
        assertThat(envelope.actor().subjectId()).isEqualTo("citizen-relay");
        assertThat(envelope.actor().role()).isEqualTo(Role.CITIZEN);
        assertThat(envelope.actor().displayName()).isNull();
        assertThat(envelope.correlationId()).isEqualTo("corr-relay-1");
        String storedCause = jdbc.queryForObject("select convert_from(meta_data, 'UTF8')::jsonb ->> 'causationId' "
                + "from domain_event_entry where aggregate_identifier = ?", String.class, id);
        assertThat(envelope.causationId()).isNotBlank().isEqualTo(storedCause);
        assertThat(envelope.sequence()).isZero();
        assertThat(envelope.data()).isEqualTo(new SampleCreated(id, "Walking group", "citizen-relay"));
    }

    @Test
    void batchesFollowingOneThisInstanceStoredAreSentWithoutReadingTheEndOfTheTopicFirst() throws Exception {
        publishedFor(createSample(citizenToken("citizen-tail"), "Repair cafe"));
        double readsBefore = meters.get("roundtable.relay.topic-end-reads").counter().count();
        double publishedBefore = meters.get("roundtable.relay.events").counter().count();

        for (int i = 0; i < 5; i++) {
            publishedFor(createSample(citizenToken("citizen-tail"), "Repair cafe " + i));
        }

        assertThat(meters.get("roundtable.relay.events").counter().count() - publishedBefore).isGreaterThanOrEqualTo(5);
        assertThat(meters.get("roundtable.relay.topic-end-reads").counter().count() - readsBefore)
                .as("the end of the topic is read only when the token a batch starts from is not one this instance stored").isZero();
    }

    @Test
    void afterTheRelaysSegmentIsGivenUpAndClaimedAgainTheNextBatchReadsTheEndOfTheTopicFirst() throws Exception {
        publishedFor(createSample(citizenToken("citizen-claim"), "Tool library"));
        double readsBefore = meters.get("roundtable.relay.topic-end-reads").counter().count();

        EventProcessor relay = processing.eventProcessor(EventRelay.PROCESSING_GROUP).orElseThrow();
        relay.shutDown();
        relay.start();
        publishedFor(createSample(citizenToken("citizen-claim"), "Tool library again"));

        assertThat(meters.get("roundtable.relay.topic-end-reads").counter().count() - readsBefore)
                .as("another instance may have published while the segment was not this instance's").isEqualTo(1);
    }
}
