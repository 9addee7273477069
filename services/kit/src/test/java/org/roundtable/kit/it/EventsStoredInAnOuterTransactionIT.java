package org.roundtable.kit.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.relay.EventRelay;
import org.roundtable.kit.sample.SampleApplication;
import org.roundtable.kit.sample.SampleCommands.CreateSample;
import org.roundtable.kit.sample.SampleCommands.MarkSample;
import org.roundtable.kit.sample.SampleEvents.SampleDecided;
import org.roundtable.testsupport.AnotherInstance;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events a service stores inside a transaction opened around the storing (as the inbox does: it keeps the heard event
 * and runs its handlers' commands in the transaction that remembers the event's id) reach the service's tracking
 * processors as soon as that transaction commits, not when the event store's reader next looks on its own. The
 * instance that shows it has a database of its own, no inbox, and a reader that looks on its own once a minute.
 */
class EventsStoredInAnOuterTransactionIT extends KitIntegrationTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static AnotherInstance lookingOnceAMinute;

    @Autowired
    ApplicationContext context;

    /** Started, and its relay past a first event: from then on it reads new events only as its reader hands them on. */
    @BeforeAll
    static void startAnInstanceWhoseReaderLooksOnceAMinute() throws Exception {
        lookingOnceAMinute = AnotherInstance.start(SampleApplication.class, "kit_outer_transaction", "looking-once-a-minute",
                "roundtable.events.fetch-delay=60s", "roundtable.inbox.enabled=false",
                "roundtable.relay.transaction-id-prefix=roundtable-proposals-outer-transaction-relay-");
        ApplicationContext instance = lookingOnceAMinute.context();
        awaitRelayed(instance, eventOf(instance, created(instance), "SampleCreated"), PATIENCE);
    }

    @AfterAll
    static void stopIt() {
        if (lookingOnceAMinute != null) {
            lookingOnceAMinute.close();
        }
    }

    @Test
    void anEventACommandStoresInATransactionOfItsOwnReachesTheRelayPromptly() throws Exception {
        ApplicationContext instance = lookingOnceAMinute.context();
        String sample = created(instance);

        awaitRelayed(instance, eventOf(instance, sample, "SampleCreated"), PROMPTLY);
    }

    @Test
    void anEventACommandStoresInsideAnOuterTransactionReachesTheRelayOnceThatTransactionCommits() throws Exception {
        ApplicationContext instance = lookingOnceAMinute.context();
        String sample = created(instance);
        awaitRelayed(instance, eventOf(instance, sample, "SampleCreated"), PROMPTLY);

        inOneTransaction(instance, () -> mark(instance, sample));

        awaitRelayed(instance, eventOf(instance, sample, "SampleMarked"), PROMPTLY);
    }

    @Test
    void aHeardEventKeptInsideAnOuterTransactionReachesTheRelayOnceThatTransactionCommits() throws Exception {
        ApplicationContext instance = lookingOnceAMinute.context();
        String heard = UUID.randomUUID().toString();

        inOneTransaction(instance, () -> keepHeard(instance, heard));

        awaitRelayed(instance, heard, PROMPTLY);
    }

    /**
     * Prints, for the test's own instance (Axon's default fetch delay of a second), how long after the commit of an
     * outer transaction its relay put the event on Kafka: the record's time, set by the relay's producer, less the time
     * the transaction had committed by.
     */
    @Test
    void printsTheTimeFromTheCommitOfAnOuterTransactionToTheRelaysRecordWithTheDefaultFetchDelay() throws Exception {
        Map<String, Long> committedAt = new HashMap<>();
        for (int round = 0; round < 5; round++) {
            String sample = created(context);
            awaitRelayed(context, eventOf(context, sample, "SampleCreated"), PATIENCE);
            inOneTransaction(context, () -> mark(context, sample));
            committedAt.put(eventOf(context, sample, "SampleMarked"), System.currentTimeMillis());
        }
        for (String event : committedAt.keySet()) {
            awaitRelayed(context, event, PATIENCE);
        }

        List<ConsumerRecord<String, byte[]>> records;
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer("roundtable.proposals")) {
            records = Topics.readUntil(consumer, Duration.ofSeconds(60), record -> committedAt.containsKey(Topics.header(record, "ce_id")),
                    kept -> kept.size() == committedAt.size());
        }
        assertThat(records).hasSize(committedAt.size());
        List<Long> millis = new ArrayList<>();
        records.forEach(record -> millis.add(record.timestamp() - committedAt.get(Topics.header(record, "ce_id"))));
        System.out.println("outer transaction's commit to the relay's record on Kafka, fetch delay 1 s (ms): " + millis);
    }

    private static String created(ApplicationContext instance) {
        String sample = UUID.randomUUID().toString();
        instance.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(new CreateSample(sample, "Reading circle"))
                .andMetaData(ActorMetadata.of(Actor.of("citizen-outer", Role.CITIZEN), "corr-" + sample, null)));
        return sample;
    }

    private static void mark(ApplicationContext instance, String sample) {
        instance.getBean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(new MarkSample(sample, UUID.randomUUID().toString()))
                .andMetaData(ActorMetadata.of(Actor.system("commissioning"), "corr-" + sample, null)));
    }

    /** Stores another service's event as the inbox keeps one: published on the event bus, outside any unit of work. */
    private static void keepHeard(ApplicationContext instance, String eventId) {
        Map<String, Object> metadata = new HashMap<>(ActorMetadata.of(Actor.system("commissioning"), "corr-" + eventId, null));
        metadata.put(ActorMetadata.HEARD_FROM, "commissioning");
        metadata.put(ActorMetadata.HEARD_SUBJECT, "case-" + eventId);
        instance.getBean(EventBus.class).publish(new GenericEventMessage<>(eventId,
                new SampleDecided(UUID.randomUUID().toString(), UUID.randomUUID().toString(), false), metadata, Instant.now()));
    }

    private static void inOneTransaction(ApplicationContext instance, Runnable storing) {
        new TransactionTemplate(instance.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> storing.run());
    }

    private static String eventOf(ApplicationContext instance, String sample, String type) {
        return instance.getBean(JdbcTemplate.class).queryForObject("select event_identifier from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like ?", String.class, sample, "%$" + type);
    }

    /** Until the instance's relay has processed the stored event (passing over it, if it was heard from another service). */
    private static void awaitRelayed(ApplicationContext instance, String eventId, Duration within) throws Exception {
        long index = instance.getBean(JdbcTemplate.class).queryForObject(
                "select global_index from domain_event_entry where event_identifier = ?", Long.class, eventId);
        TrackingEventProcessor relay = instance.getBean(EventProcessingConfiguration.class)
                .eventProcessor(EventRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no relay"));
        Eventually.within(within, () -> assertThat(relay.processingStatus().values())
                .as("the relay's position, waiting for event %s at %d", eventId, index)
                .isNotEmpty()
                .allSatisfy(status -> assertThat(positionOf(status)).isGreaterThanOrEqualTo(index)));
    }

    private static long positionOf(EventTrackerStatus status) {
        return status.getCurrentPosition().orElse(-1);
    }
}
