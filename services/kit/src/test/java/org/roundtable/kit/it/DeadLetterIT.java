package org.roundtable.kit.it;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.roundtable.kit.relay.EventRelay;
import org.roundtable.kit.sample.SampleEvents.SampleCreated;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.EventStore;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.TestTokens;
import org.roundtable.testsupport.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection (and the relay) meeting an event it cannot handle: the event is retried, set aside as a dead letter, the
 * other aggregates' events go on, and after the fix an auditor replays it and the read model is complete.
 */
class DeadLetterIT extends KitIntegrationTest {

    private static final String VIEWS = "sample-views";
    private static final String DEAD_LETTERS = "/api/proposals/operations/dead-letters";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    @Qualifier("eventJson")
    ObjectMapper eventJson;

    private final String auditor = TestTokens.shared().mint("auditor-dlq", "Auditor", "AUDITOR");

    @Test
    void anEventTheReadModelCannotStoreIsDeadLetteredWithItsAggregatesLaterEventsWhileOthersFlowAndAReplayAfterTheFixCompletesIt() throws Exception {
        String citizen = citizenToken("citizen-dlq");
        String tooLong = "A title of sixty characters, which the read model cannot hold";
        String poisoned = createSample(citizen, tooLong);
        send("PUT", "/api/samples/" + poisoned + "/title", citizen, JSON.writeValueAsString(Map.of("title", "Short again"))).expect(200);
        String healthy = createSample(citizen, "Seed library");

        Eventually.within(PATIENCE, () -> assertThat(title(healthy)).isEqualTo("Seed library"));
        Eventually.within(PATIENCE, () -> assertThat(deadLetters(VIEWS).get("deadLetters").asLong()).isEqualTo(2));
        JsonNode group = deadLetters(VIEWS);
        assertThat(group.get("aggregates").asLong()).isEqualTo(1);
        JsonNode failed = group.get("letters").get(0);
        assertThat(failed.get("aggregateId").asText()).isEqualTo(poisoned);
        assertThat(failed.get("eventType").asText()).isEqualTo("SampleCreated");
        assertThat(failed.get("cause").asText()).contains("value too long for type character varying(40)");
        JsonNode heldBehind = group.get("letters").get(1);
        assertThat(heldBehind.get("eventType").asText()).isEqualTo("SampleRenamed");
        assertThat(heldBehind.get("aggregateSequence").asLong()).isEqualTo(1);
        assertThat(heldBehind.get("cause").isNull()).isTrue();
        assertThat(title(poisoned)).isNull();
        assertThat(gauge("roundtable.dead.letters", VIEWS)).isEqualTo(2);
        assertThat(counter("roundtable.event.handling.failures", VIEWS)).isGreaterThanOrEqualTo(2);

        String laterStill = createSample(citizen, "Tool library");
        Eventually.within(PATIENCE, () -> assertThat(title(laterStill)).isEqualTo("Tool library"));

        JsonNode replay;
        jdbc.execute("alter table sample_view alter column title type varchar(100)");
        freshConnections();
        try {
            replay = send("POST", DEAD_LETTERS + "/processing-groups/" + VIEWS + "/replay", auditor, null).expect(200).body();
        } finally {
            jdbc.execute("alter table sample_view alter column title type varchar(40)");
            freshConnections();
        }

        assertThat(replay.get("handled").asLong()).isEqualTo(2);
        assertThat(replay.get("remaining").asLong()).isZero();
        assertThat(title(poisoned)).isEqualTo("Short again");
        assertThat(jdbc.queryForObject("select revisions from sample_view where sample_id = ?", Integer.class, poisoned)).isEqualTo(1);
        assertThat(gauge("roundtable.dead.letters", VIEWS)).isZero();

        JsonNode again = send("POST", DEAD_LETTERS + "/processing-groups/" + VIEWS + "/replay", auditor, null).expect(200).body();
        assertThat(again.get("handled").asLong()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from sample_view where sample_id = ?", Integer.class, poisoned)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select revisions from sample_view where sample_id = ?", Integer.class, poisoned)).isEqualTo(1);
    }

    @Test
    void anEventStoredWithAPayloadNoOneCanReadIsSetAsideByTheProjectionAndTheRelayAndReplayedOnceTheReaderIsFixed() throws Exception {
        String unreadable = UUID.randomUUID().toString();
        String eventId = new EventStore(jdbc).appendUnchecked("Sample", unreadable, 0, SampleCreated.class.getName(),
                "{\"sampleId\":\"" + unreadable + "\",\"title\":[\"Repair\",\"café\"],\"creatorId\":\"citizen-raw\"}");
        String later = createSample(citizenToken("citizen-raw-2"), "Walking group");

        Eventually.within(PATIENCE, () -> assertThat(title(later)).isEqualTo("Walking group"));
        Eventually.within(PATIENCE, () -> assertThat(deadLetterIds(VIEWS)).contains(eventId));
        Eventually.within(PATIENCE, () -> assertThat(deadLetterIds(EventRelay.PROCESSING_GROUP)).contains(eventId));
        JsonNode letter = letterOf(VIEWS, eventId);
        assertThat(letter.get("causeType").asText()).contains("MismatchedInputException");
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer("roundtable.proposals")) {
            assertThat(Topics.readUntil(consumer, PATIENCE, record -> later.equals(record.key()), kept -> !kept.isEmpty())).hasSize(1);
        }

        eventJson.addHandler(new ReadsATitleGivenAsWords());
        try {
            send("POST", DEAD_LETTERS + "/processing-groups/" + VIEWS + "/replay", auditor, null).expect(200);
            send("POST", DEAD_LETTERS + "/processing-groups/" + EventRelay.PROCESSING_GROUP + "/replay", auditor, null).expect(200);
        } finally {
            eventJson.clearProblemHandlers();
        }

        assertThat(title(unreadable)).isEqualTo("Repair café");
        assertThat(deadLetterIds(VIEWS)).doesNotContain(eventId);
        assertThat(deadLetterIds(EventRelay.PROCESSING_GROUP)).doesNotContain(eventId);
        List<ConsumerRecord<String, byte[]>> published;
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer("roundtable.proposals")) {
            published = Topics.readUntil(consumer, PATIENCE, record -> unreadable.equals(record.key()), kept -> !kept.isEmpty());
        }
        assertThat(published).hasSize(1);
        assertThat(Topics.header(published.get(0), "ce_id")).isEqualTo(eventId);
    }

    @Test
    void deadLettersAreKeptInTheServicesDatabaseAndOutliveTheProcessor() throws Exception {
        String citizen = citizenToken("citizen-restart");
        String poisoned = createSample(citizen, "Another title far longer than forty characters");
        Eventually.within(PATIENCE, () -> assertThat(deadLetterAggregates(VIEWS)).contains(poisoned));

        EventProcessor views = processing.eventProcessor(VIEWS).orElseThrow();
        views.shutDown();
        long stored = jdbc.queryForObject("select count(*) from dead_letter_entry where processing_group = ? and sequence_identifier = ?",
                Long.class, VIEWS, poisoned);
        views.start();
        String after = createSample(citizen, "Library of things");

        Eventually.within(PATIENCE, () -> assertThat(title(after)).isEqualTo("Library of things"));
        assertThat(stored).isEqualTo(1);
        assertThat(deadLetterAggregates(VIEWS)).contains(poisoned);
        assertThat(title(poisoned)).isNull();
    }

    @Test
    void onlyAnAuditorSeesOrReplaysDeadLetters() {
        ApiClient.Response citizen = send("GET", DEAD_LETTERS, citizenToken("citizen-nosy"), null);
        assertThat(citizen.status()).isEqualTo(403);
        assertThat(citizen.contentType()).startsWith("application/problem+json");
        assertThat(send("POST", DEAD_LETTERS + "/processing-groups/" + VIEWS + "/replay", citizenToken("citizen-nosy"), null).status()).isEqualTo(403);
        assertThat(send("GET", DEAD_LETTERS, null, null).status()).isEqualTo(401);
        ApiClient.Response unknown = send("POST", DEAD_LETTERS + "/processing-groups/no-such-group/replay", auditor, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        JsonNode report = send("GET", DEAD_LETTERS, auditor, null).expect(200).body();
        assertThat(report.get("inbox").get("consumerGroup").asText()).isEqualTo("roundtable-proposals");
        assertThat(StreamSupport.stream(report.get("processingGroups").spliterator(), false).map(group -> group.get("processingGroup").asText()))
                .contains(VIEWS, EventRelay.PROCESSING_GROUP);
    }

    /** As after deploying a migration: no pooled connection keeps a statement planned for the old column. */
    private void freshConnections() throws Exception {
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    private JsonNode deadLetters(String group) {
        return send("GET", DEAD_LETTERS + "/processing-groups/" + group, auditor, null).expect(200).body();
    }

    private List<String> deadLetterIds(String group) {
        return StreamSupport.stream(deadLetters(group).get("letters").spliterator(), false).map(letter -> letter.get("eventId").asText()).toList();
    }

    private List<String> deadLetterAggregates(String group) {
        return StreamSupport.stream(deadLetters(group).get("letters").spliterator(), false).map(letter -> letter.get("aggregateId").asText()).toList();
    }

    private JsonNode letterOf(String group, String eventId) {
        return StreamSupport.stream(deadLetters(group).get("letters").spliterator(), false)
                .filter(letter -> eventId.equals(letter.get("eventId").asText())).findFirst().orElseThrow();
    }

    private String title(String sampleId) {
        return jdbc.queryForList("select title from sample_view where sample_id = ?", String.class, sampleId).stream().findFirst().orElse(null);
    }

    private double gauge(String name, String group) {
        return meters.get(name).tag("group", group).gauge().value();
    }

    private double counter(String name, String group) {
        return meters.get(name).tag("group", group).counter().count();
    }

    /** The fix for the unreadable event: a title stored as a list of words is read as those words. */
    private static final class ReadsATitleGivenAsWords extends DeserializationProblemHandler {

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType target, JsonToken token, JsonParser parser,
                                            String failure) throws IOException {
            if (target.getRawClass() != String.class || token != JsonToken.START_ARRAY) {
                return NOT_HANDLED;
            }
            JsonNode words = parser.readValueAsTree();
            return String.join(" ", StreamSupport.stream(words.spliterator(), false).map(JsonNode::asText).toList());
        }
    }
}
