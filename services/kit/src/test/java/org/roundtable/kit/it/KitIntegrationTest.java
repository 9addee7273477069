package org.roundtable.kit.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.roundtable.events.EventJson;
import org.roundtable.kit.sample.SampleApplication;
import org.roundtable.testsupport.KafkaBroker;
import org.roundtable.testsupport.RealInfrastructure;
import org.roundtable.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/** One Spring context, one PostgreSQL and one Kafka broker for every kit integration test. */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "kit")
abstract class KitIntegrationTest {

    protected static final ObjectMapper JSON = EventJson.newMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static String citizenToken(String subject) {
        return TestTokens.shared().mint(subject, "Citizen " + subject, "CITIZEN");
    }

    protected record Response(int status, String contentType, JsonNode body, Map<String, List<String>> headers) {
    }

    protected Response send(String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json,
                response.headers().map());
    }

    protected String createSample(String token, String title, String... headers) throws Exception {
        Response created = send("POST", "/api/samples", token, JSON.writeValueAsString(Map.of("title", title)), headers);
        if (created.status() != 201) {
            throw new AssertionError("expected 201, got " + created.status() + " " + created.body());
        }
        return created.body().get("id").asText();
    }

    protected long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    protected List<String> storedPayloadTypes(String aggregateId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, aggregateId);
    }

    protected static KafkaConsumer<String, byte[]> consumer(String... topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "kit-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    protected static KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(properties);
    }

    protected static void send(ProducerRecord<String, byte[]> record) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(record).get();
        }
    }

    /** Reads records until {@code done} holds for what was read, or the time runs out. */
    protected static List<ConsumerRecord<String, byte[]>> readUntil(KafkaConsumer<String, byte[]> consumer, Duration timeout,
                                                                   Predicate<ConsumerRecord<String, byte[]>> keep,
                                                                   Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> kept = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !done.test(kept)) {
            consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                if (keep.test(record)) {
                    kept.add(record);
                }
            });
        }
        return kept;
    }

    protected static void eventually(Duration timeout, ThrowingCheck check) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    @FunctionalInterface
    protected interface ThrowingCheck {
        void run() throws Exception;
    }
}
