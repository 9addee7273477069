package org.roundtable.kit.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.EventCatalog;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.inbox.Inbox;
import org.roundtable.kit.sample.SampleCommands.CreateSample;
import org.roundtable.kit.sample.SampleEvents.SampleDecided;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.TestTokens;
import org.roundtable.testsupport.Topics;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another service's record the inbox cannot handle is retried, set aside on the dead-letter topic, and does not hold up
 * the partition; after the fix an auditor replays it, once: a replayed or redelivered event changes nothing twice.
 */
class InboxDeadLetterIT extends KitIntegrationTest {

    private static final String INBOX = "/api/proposals/operations/dead-letters/inbox";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    KafkaEnvelopeCodec codec;

    @Autowired
    EventCatalog catalog;

    @Autowired
    Inbox inbox;

    @Autowired
    CommandGateway commands;

    @Autowired
    MeterRegistry meters;

    private final String auditor = TestTokens.shared().mint("auditor-inbox", "Auditor", "AUDITOR");

    @Test
    void aDecisionArrivingBeforeItsSampleIsSetAsideWithoutHoldingUpThePartitionAndAReplayAfterTheSampleExistsHandlesItOnce() throws Exception {
        String notYetCreated = UUID.randomUUID().toString();
        EventEnvelope early = decided(notYetCreated, false);
        EventEnvelope refused = decided(createSample(citizenToken("citizen-refused"), "Lunch club"), true);
        String existing = createSample(citizenToken("citizen-inbox-dlt"), "Community garden");
        EventEnvelope behind = decided(existing, false);
        double deadLetteredBefore = counted("roundtable.inbox.dead.lettered");

        Topics.send(onPartitionZero(codec.encode(early)), onPartitionZero(codec.encode(refused)), onPartitionZero(codec.encode(behind)));

        Eventually.within(PATIENCE, () -> assertThat(inbox.hasHandled(behind.id())).isTrue());
        Eventually.within(PATIENCE, () -> assertThat(waitingIds()).contains(early.id(), refused.id()));
        JsonNode waiting = letterOf(early.id());
        assertThat(waiting.get("deadLetterTopic").asText()).isEqualTo("roundtable.commissioning.dlt");
        assertThat(waiting.get("eventType").asText()).isEqualTo(early.type().value());
        assertThat(waiting.get("reason").asText()).contains("AggregateNotFoundException");
        assertThat(counted("roundtable.inbox.dead.lettered") - deadLetteredBefore).isEqualTo(2);
        assertThat(inbox.hasHandled(early.id())).isFalse();

        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CreateSample(notYetCreated, "Repair café"))
                .andMetaData(ActorMetadata.of(Actor.of("citizen-late", Role.CITIZEN), "corr-" + notYetCreated, null)));
        JsonNode replay = send("POST", INBOX + "/replay", auditor, null).expect(200).body();

        assertThat(replay.get("handled").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(replay.get("failed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(inbox.hasHandled(early.id())).isTrue();
        assertThat(storedPayloadTypes(notYetCreated)).containsExactly(
                "org.roundtable.kit.sample.SampleEvents$SampleCreated", "org.roundtable.kit.sample.SampleEvents$SampleMarked");
        List<String> stillWaiting = waitingIds();
        assertThat(stillWaiting).doesNotContain(early.id()).contains(refused.id());
        assertThat(letterOf(refused.id()).get("reason").asText()).contains("refuses decision");

        double duplicatesBefore = counted("roundtable.inbox.duplicates");
        Topics.send(codec.encode(early));
        Eventually.within(PATIENCE, () -> assertThat(counted("roundtable.inbox.duplicates")).isGreaterThan(duplicatesBefore));
        send("POST", INBOX + "/replay", auditor, null).expect(200);
        assertThat(storedPayloadTypes(notYetCreated)).hasSize(2);
    }

    @Test
    void onlyAnAuditorSeesOrReplaysTheInboxsDeadLetters() {
        assertThat(send("GET", INBOX, citizenToken("citizen-nosy-inbox"), null).status()).isEqualTo(403);
        assertThat(send("POST", INBOX + "/replay", citizenToken("citizen-nosy-inbox"), null).status()).isEqualTo(403);
        assertThat(send("POST", INBOX + "/replay", null, null).status()).isEqualTo(401);
    }

    private List<String> waitingIds() {
        JsonNode pending = send("GET", INBOX, auditor, null).expect(200).body();
        return StreamSupport.stream(pending.get("letters").spliterator(), false)
                .map(letter -> letter.get("eventId").isNull() ? "" : letter.get("eventId").asText()).toList();
    }

    private JsonNode letterOf(String eventId) {
        JsonNode pending = send("GET", INBOX, auditor, null).expect(200).body();
        return StreamSupport.stream(pending.get("letters").spliterator(), false)
                .filter(letter -> eventId.equals(letter.get("eventId").asText())).reduce((first, second) -> second).orElseThrow();
    }

    private static ProducerRecord<String, byte[]> onPartitionZero(ProducerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), 0, record.key(), record.value(), record.headers());
    }

    private EventEnvelope decided(String sampleId, boolean refuse) {
        String decisionId = UUID.randomUUID().toString();
        return new EventEnvelope(UUID.randomUUID().toString(), catalog.typeOf(SampleDecided.class), "case-" + sampleId,
                Instant.now(), Actor.system("commissioning"), "corr-" + decisionId, null, 3L,
                new SampleDecided(sampleId, decisionId, refuse));
    }

    private double counted(String name) {
        return meters.find(name).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }
}
