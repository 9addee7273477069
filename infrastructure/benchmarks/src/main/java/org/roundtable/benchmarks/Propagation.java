package org.roundtable.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.roundtable.platform.SyntheticCitizens.Citizen;
import org.roundtable.events.Source;
import org.roundtable.testsupport.ApiClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 2, propagation between services: a citizen submits a proposal through the gateway, the proposals service
 * relays {@code ProposalSubmitted} to Kafka, commissioning consumes it, opens a decision case and relays
 * {@code DecisionCaseOpened}. The figure is the time between the two records' Kafka timestamps (each set by the relay
 * that produced it), for proposals submitted one at a time; beside it, the ledger's append of each
 * {@code ProposalSubmitted} after its record, and the broker's raw produce-to-consume time measured in the same run.
 */
final class Propagation {

    private static final int PROPOSALS = 60;
    private static final int RAW_MESSAGES = 500;
    private static final Duration EACH = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Propagation() {
    }

    static List<Figure> run(StackUnderLoad stack, List<Citizen> authors) {
        String bootstrap = "127.0.0.1:" + stack.ports().kafka();
        long[] raw = rawProduceToConsume(bootstrap);
        double rawP50 = Benchmarks.millis(raw, 0.5);
        double rawP99 = Benchmarks.millis(raw, 0.99);
        System.out.printf(Locale.ROOT, "propagation: raw Kafka produce to consume p50 %.1f ms, p99 %.1f ms%n", rawP50, rawP99);

        Map<String, ConsumerRecord<String, byte[]>> submitted = new ConcurrentHashMap<>();
        Map<String, ConsumerRecord<String, byte[]>> opened = new ConcurrentHashMap<>();
        ApiClient gateway = new ApiClient(stack.ports().gatewayUrl());
        List<String> proposals = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Source.PROPOSALS.topic(), Source.COMMISSIONING.topic())) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            for (int n = 0; n < PROPOSALS; n++) {
                String id = OpenProposals.submit(gateway, authors.get(n % authors.size()), authors.get((n + 1) % authors.size()), 10_000 + n);
                proposals.add(id);
                long deadline = System.nanoTime() + EACH.toNanos();
                while (!opened.containsKey(id) && System.nanoTime() - deadline < 0) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        String type = header(record, "ce_type");
                        if (type.contains(".ProposalSubmitted.")) {
                            submitted.put(record.key(), record);
                        } else if (type.contains(".DecisionCaseOpened.")) {
                            opened.put(proposalIdIn(record), record);
                        }
                    }
                }
                if (!opened.containsKey(id) || !submitted.containsKey(id)) {
                    throw new IllegalStateException("no DecisionCaseOpened for proposal " + id + " within " + EACH.toSeconds() + " s");
                }
            }
        }
        long[] hop = proposals.stream().mapToLong(id -> (opened.get(id).timestamp() - submitted.get(id).timestamp()) * 1_000_000L).sorted().toArray();
        double p99 = Benchmarks.millis(hop, 0.99);
        double goal = 2 * rawP99 + 25;
        System.out.printf(Locale.ROOT, "propagation: ProposalSubmitted to DecisionCaseOpened p50 %.0f ms, p99 %.0f ms%n", Benchmarks.millis(hop, 0.5), p99);
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("ProposalSubmitted on Kafka to DecisionCaseOpened on Kafka, " + PROPOSALS + " proposals one at a time",
                String.format(Locale.ROOT, "p99 %.0f ms (p50 %.0f ms)", p99, Benchmarks.millis(hop, 0.5)),
                String.format(Locale.ROOT, "raw produce to consume on the same broker: p99 %.1f ms (p50 %.1f ms)", rawP99, rawP50),
                rawP99 / p99, String.format(Locale.ROOT, "<= 2x raw + 25 ms (%.0f ms)", goal), p99 <= goal));
        figures.add(toLedger(stack, proposals, submitted));
        figures.add(hops(stack, proposals, submitted, opened));
        return figures;
    }

    /**
     * Where the time between the two records goes, from the times commissioning's event store kept: the record of
     * {@code ProposalSubmitted} to its copy kept by commissioning's inbox (Kafka and the inbox), that copy to the
     * stored {@code DecisionCaseOpened} (the processor that reacts to it and the command), and that event to its record
     * (the relay). Both stored events carry the ids their records have.
     */
    private static Figure hops(StackUnderLoad stack, List<String> proposals, Map<String, ConsumerRecord<String, byte[]>> submitted,
                               Map<String, ConsumerRecord<String, byte[]>> opened) {
        var database = stack.stack().database();
        JdbcTemplate commissioning = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl("commissioning"), database.username(),
                database.password()));
        List<long[]> hops = List.of(new long[proposals.size()], new long[proposals.size()], new long[proposals.size()]);
        for (int n = 0; n < proposals.size(); n++) {
            ConsumerRecord<String, byte[]> submittedRecord = submitted.get(proposals.get(n));
            ConsumerRecord<String, byte[]> openedRecord = opened.get(proposals.get(n));
            Instant heard = storedAt(commissioning, header(submittedRecord, "ce_id"));
            Instant caseOpened = storedAt(commissioning, header(openedRecord, "ce_id"));
            hops.get(0)[n] = Duration.between(Instant.ofEpochMilli(submittedRecord.timestamp()), heard).toNanos();
            hops.get(1)[n] = Duration.between(heard, caseOpened).toNanos();
            hops.get(2)[n] = Duration.between(caseOpened, Instant.ofEpochMilli(openedRecord.timestamp())).toNanos();
        }
        hops.forEach(java.util.Arrays::sort);
        String[] names = {"record to the inbox's kept copy", "kept copy to DecisionCaseOpened stored", "stored to its record (relay)"};
        StringBuilder figure = new StringBuilder();
        for (int h = 0; h < names.length; h++) {
            figure.append(h == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s p50 %.0f ms, p99 %.0f ms", names[h],
                    Benchmarks.millis(hops.get(h), 0.5), Benchmarks.millis(hops.get(h), 0.99)));
        }
        System.out.println("propagation: " + figure);
        return new Figure("ProposalSubmitted to DecisionCaseOpened, hop by hop (commissioning's stored times)", figure.toString(), "-",
                Double.NaN, "-", true);
    }

    private static Instant storedAt(JdbcTemplate store, String eventId) {
        return Instant.parse(store.queryForObject("select time_stamp from domain_event_entry where event_identifier = ?", String.class, eventId));
    }

    /** How long after its Kafka record the ledger appended each {@code ProposalSubmitted} (its {@code recordedAt}). */
    private static Figure toLedger(StackUnderLoad stack, List<String> proposals, Map<String, ConsumerRecord<String, byte[]>> submitted) {
        String auditor = stack.login("hana");
        ApiClient audit = ApiClient.onPort(stack.ports().audit());
        List<Long> lags = new ArrayList<>();
        long deadline = System.nanoTime() + EACH.toNanos();
        for (String id : proposals) {
            ConsumerRecord<String, byte[]> record = submitted.get(id);
            String eventId = header(record, "ce_id");
            ApiClient.Response entry = audit.get("/api/audit/ledger/" + eventId, auditor);
            while (entry.status() == 404 && System.nanoTime() - deadline < 0) {
                OpenProposals.pause(100);
                entry = audit.get("/api/audit/ledger/" + eventId, auditor);
            }
            if (entry.status() != 200) {
                throw new IllegalStateException("the ledger has no entry for event " + eventId + ": " + entry.status() + " " + entry.body());
            }
            lags.add(Duration.between(Instant.ofEpochMilli(record.timestamp()), Instant.parse(entry.body().path("recordedAt").asText())).toNanos());
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Figure("ProposalSubmitted on Kafka to its ledger entry, " + PROPOSALS + " proposals one at a time",
                String.format(Locale.ROOT, "p99 %.0f ms (p50 %.0f ms)", Benchmarks.millis(sorted, 0.99), Benchmarks.millis(sorted, 0.5)),
                "-", Double.NaN, "-", true);
    }

    /** One producer and one consumer on a topic of their own: nanoseconds from send to receipt, sorted. */
    private static long[] rawProduceToConsume(String bootstrap) {
        String topic = "benchmark.raw-latency";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException exists) {
            if (!(exists.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topic, exists);
            }
        } catch (Exception failure) {
            throw new IllegalStateException("could not create " + topic, failure);
        }
        long[] nanos = new long[RAW_MESSAGES];
        int received = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
             KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToEnd(List.of(partition));
            consumer.position(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (int sent = 0; sent < RAW_MESSAGES + 50 && received < RAW_MESSAGES && System.nanoTime() - deadline < 0; sent++) {
                producer.send(new ProducerRecord<>(topic, "raw", ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array()));
                long until = System.nanoTime() + Duration.ofMillis(10).toNanos();
                while (System.nanoTime() - until < 0) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                        long took = System.nanoTime() - ByteBuffer.wrap(record.value()).getLong();
                        if (sent >= 50 && received < RAW_MESSAGES) {
                            nanos[received++] = took; // the first 50 warm the connections up
                        }
                    }
                }
            }
        }
        if (received < RAW_MESSAGES) {
            throw new IllegalStateException("only " + received + " of " + RAW_MESSAGES + " raw messages came back within a minute");
        }
        java.util.Arrays.sort(nanos);
        return nanos;
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String proposalIdIn(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode data = JSON.readTree(record.value());
            return data.path("proposalId").asText();
        } catch (IOException unreadable) {
            return "";
        }
    }
}
