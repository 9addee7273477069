package org.roundtable.kit.it;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roundtable.events.Actor;
import org.roundtable.events.EventCatalog;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.kit.inbox.Inbox;
import org.roundtable.kit.relay.EventRelay;
import org.roundtable.kit.sample.SampleApplication;
import org.roundtable.kit.sample.SampleEvents.SampleDecided;
import org.roundtable.testsupport.AnotherInstance;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.Eventually;
import org.roundtable.testsupport.Topics;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one service on one database and one broker: the test's own context and a second one beside it.
 * Each stored event is projected once and published once whichever instance took the command, an instance can carry
 * every segment when the other lets go, a relay whose token is behind the topic publishes nothing twice, and an event
 * both instances receive at the same moment is handled once.
 */
class TwoInstancesIT extends KitIntegrationTest {

    private static final String TOPIC = "roundtable.proposals";
    private static final String PROJECTION = "sample-views";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static AnotherInstance second;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    KafkaEnvelopeCodec codec;

    @Autowired
    EventCatalog catalog;

    @Autowired
    Inbox inbox;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void startSecondInstance() {
        second = AnotherInstance.start(SampleApplication.class, "kit", "second");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void eachEventIsProjectedAndPublishedOnceWhicheverInstanceTookTheCommand() throws Exception {
        createOn(port, "Warm-up walk");
        awaitRelayed();
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(createOn(i % 2 == 0 ? port : second.port(), "Street party " + i));
        }

        Eventually.within(PATIENCE, () -> assertThat(projected(samples)).isEqualTo(samples.size()));
        assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class, PROJECTION))
                .as("the projection's segments").isEqualTo(2);
        assertPublishedOnce(storedEventIds(samples));
    }

    /** Until the instance whose relay holds the claim has published everything stored (the other's reports no progress). */
    private void awaitRelayed() throws Exception {
        Eventually.within(PATIENCE, () -> assertThat(java.util.stream.Stream.of(meters, second.bean(MeterRegistry.class))
                .mapToDouble(registry -> registry.find("roundtable.relay.lag").gauge().value()).min().orElseThrow()).isZero());
    }

    @Test
    void whenOneInstanceLetsGoOfItsSegmentsTheOtherCarriesThemAll() throws Exception {
        TrackingEventProcessor mine = processor(processing, PROJECTION);
        TrackingEventProcessor theirs = processor(second.bean(EventProcessingConfiguration.class), PROJECTION);
        mine.shutDown();
        try {
            List<String> samples = List.of(createOn(port, "Litter pick"), createOn(second.port(), "Seed swap"));

            Eventually.within(PATIENCE, () -> assertThat(projected(samples)).isEqualTo(samples.size()));
            assertThat(theirs.processingStatus()).hasSize(2);
            assertThat(jdbc.queryForList("select owner from token_entry where processor_name = ?", String.class, PROJECTION))
                    .containsOnly("second");
        } finally {
            mine.start();
        }
    }

    @Test
    void aRelayWhoseTokenIsBehindTheTopicLeavesOutWhatTheTopicHolds() throws Exception {
        List<String> samples = List.of(createOn(port, "Lantern walk"), createOn(second.port(), "Bulb planting"),
                createOn(port, "Choir"));
        List<String> published = storedEventIds(samples);
        assertPublishedOnce(published);

        // the state an instance killed between the broker's commit and the database's leaves behind
        long firstIndex = jdbc.queryForObject("select min(global_index) from domain_event_entry where aggregate_identifier in ("
                + String.join(",", samples.stream().map(id -> "'" + id + "'").toList()) + ")", Long.class);
        TrackingEventProcessor mine = processor(processing, EventRelay.PROCESSING_GROUP);
        TrackingEventProcessor theirs = processor(second.bean(EventProcessingConfiguration.class), EventRelay.PROCESSING_GROUP);
        mine.shutDown();
        theirs.shutDown();
        mine.resetTokens(GapAwareTrackingToken.newInstance(firstIndex - 1, Set.of()));
        mine.start();
        theirs.start();
        String after = createOn(second.port(), "Bat walk");

        List<String> all = new ArrayList<>(published);
        all.addAll(storedEventIds(List.of(after)));
        assertPublishedOnce(all);
    }

    @Test
    void anEventBothInstancesReceiveAtTheSameMomentIsHandledOnce() throws Exception {
        String sample = createSample(citizenToken("citizen-both"), "Open gardens");
        Inbox other = second.bean(Inbox.class);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int rounds = 10;
        int firstTimes = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                ConsumerRecord<String, byte[]> record = consumed(codec.encode(decided(sample)));
                CountDownLatch ready = new CountDownLatch(2);
                List<Future<Boolean>> handled = new ArrayList<>();
                for (Inbox instance : List.of(inbox, other)) {
                    handled.add(threads.submit((Callable<Boolean>) () -> {
                        ready.countDown();
                        ready.await(10, TimeUnit.SECONDS);
                        return instance.handle(record);
                    }));
                }
                int first = 0;
                for (Future<Boolean> result : handled) {
                    first += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(first).as("round %d: instances that handled the event", round).isEqualTo(1);
                firstTimes += first;
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(firstTimes).isEqualTo(rounds);
        assertThat(storedPayloadTypes(sample).stream().filter(type -> type.endsWith("SampleMarked")).count()).isEqualTo(rounds);
    }

    /**
     * Both instances change one aggregate at full speed: each load and append of one instance overlaps the other's, so
     * the event store refuses many appends at a sequence the other instance took. Each such command is sent again on the
     * aggregate as it then stands; none is refused to its sender, and each is stored once.
     */
    @Test
    void commandsOnOneAggregateFromBothInstancesAtOnceAreEachAcceptedAndStoredOnce() throws Exception {
        String token = citizenToken("citizen-busy");
        String sample = createSample(token, "Busy street");
        double retriedBefore = retried();
        int sendersPerInstance = 2;
        int renamesPerSender = 25;
        List<Integer> ports = List.of(port, second.port());
        ExecutorService senders = Executors.newFixedThreadPool(ports.size() * sendersPerInstance);
        CountDownLatch ready = new CountDownLatch(ports.size() * sendersPerInstance);
        List<Future<List<String>>> refusals = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        try {
            for (int instance = 0; instance < ports.size(); instance++) {
                for (int sender = 0; sender < sendersPerInstance; sender++) {
                    ApiClient client = ApiClient.onPort(ports.get(instance));
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < renamesPerSender; i++) {
                        mine.add("Busy street " + instance + "-" + sender + "-" + i);
                    }
                    titles.addAll(mine);
                    refusals.add(senders.submit(() -> {
                        ready.countDown();
                        ready.await(10, TimeUnit.SECONDS);
                        List<String> refused = new ArrayList<>();
                        for (String title : mine) {
                            ApiClient.Response renamed = client.send("PUT", "/api/samples/" + sample + "/title", token,
                                    JSON.writeValueAsString(Map.of("title", title)));
                            if (renamed.status() != 200) {
                                refused.add(title + ": " + renamed.status() + " " + renamed.body());
                            }
                        }
                        return refused;
                    }));
                }
            }
            List<String> refused = new ArrayList<>();
            for (Future<List<String>> sender : refusals) {
                refused.addAll(sender.get(180, TimeUnit.SECONDS));
            }
            assertThat(refused).as("renames refused").isEmpty();
        } finally {
            senders.shutdownNow();
        }

        List<String> stored = new ArrayList<>();
        for (byte[] payload : jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%SampleRenamed' order by sequence_number", byte[].class, sample)) {
            stored.add(JSON.readTree(payload).get("title").asText());
        }
        assertThat(stored).as("each rename stored once").containsExactlyInAnyOrderElementsOf(titles);
        assertThat(retried() - retriedBefore).as("renames sent again after the other instance appended first").isPositive();
    }

    private double retried() {
        return java.util.stream.Stream.of(meters, second.bean(MeterRegistry.class))
                .mapToDouble(registry -> registry.counter("roundtable.commands.retried").count()).sum();
    }

    private String createOn(int instancePort, String title) throws Exception {
        ApiClient.Response created = ApiClient.onPort(instancePort).send("POST", "/api/samples", citizenToken("citizen-two"),
                JSON.writeValueAsString(Map.of("title", title)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private int projected(List<String> samples) {
        return jdbc.queryForObject("select count(*) from sample_view where sample_id in ("
                + String.join(",", samples.stream().map(id -> "'" + id + "'").toList()) + ")", Integer.class);
    }

    private List<String> storedEventIds(List<String> samples) {
        return jdbc.queryForList("select event_identifier from domain_event_entry where aggregate_identifier in ("
                + String.join(",", samples.stream().map(id -> "'" + id + "'").toList()) + ")", String.class);
    }

    /** Waits until the topic holds every one of these events, then reads on a little: each is there exactly once. */
    private void assertPublishedOnce(List<String> eventIds) {
        Set<String> wanted = Set.copyOf(eventIds);
        List<ConsumerRecord<String, byte[]>> records;
        try (KafkaConsumer<String, byte[]> consumer = Topics.consumer(TOPIC)) {
            records = Topics.readUntil(consumer, PATIENCE, record -> wanted.contains(Topics.header(record, "ce_id")),
                    kept -> kept.stream().map(record -> Topics.header(record, "ce_id")).collect(Collectors.toSet()).containsAll(wanted));
            records.addAll(Topics.readUntil(consumer, Duration.ofSeconds(3), record -> wanted.contains(Topics.header(record, "ce_id")),
                    kept -> false));
        }
        Map<String, Long> copies = records.stream().collect(Collectors.groupingBy(record -> Topics.header(record, "ce_id"),
                Collectors.counting()));
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(wanted);
        assertThat(copies).allSatisfy((id, count) -> assertThat(count).as("copies of event %s", id).isEqualTo(1));
    }

    private static TrackingEventProcessor processor(EventProcessingConfiguration processing, String group) {
        return processing.eventProcessor(group, TrackingEventProcessor.class)
                .orElseThrow(() -> new AssertionError("no tracking processor " + group));
    }

    private EventEnvelope decided(String sampleId) {
        String decisionId = UUID.randomUUID().toString();
        return new EventEnvelope(UUID.randomUUID().toString(), catalog.typeOf(SampleDecided.class), "case-" + sampleId,
                Instant.now(), Actor.system("commissioning"), "corr-" + decisionId, null, 3L,
                new SampleDecided(sampleId, decisionId, false));
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, 0L, Instant.now().toEpochMilli(), TimestampType.CREATE_TIME, -1, -1,
                sent.key(), sent.value(), sent.headers(), Optional.empty());
    }
}
