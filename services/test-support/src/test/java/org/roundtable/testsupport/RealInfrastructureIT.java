package org.roundtable.testsupport;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealInfrastructureIT {

    @Test
    void postgresAnswersInADatabaseOfItsOwnCreatedOnce() throws Exception {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.jdbcUrl("support_check");

        assertThat(postgres.jdbcUrl("support_check")).isEqualTo(url);
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             ResultSet result = connection.createStatement().executeQuery("select current_database(), version()")) {
            result.next();
            assertThat(result.getString(1)).isEqualTo("support_check");
            assertThat(result.getString(2)).startsWith("PostgreSQL 15");
        }
    }

    @Test
    void theBrokerKeepsWhatItWasGivenAcrossAnOutage() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        String topic = "support-check-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(broker, 30_000)) {
            producer.send(new ProducerRecord<>(topic, "key", "before the outage")).get(30, TimeUnit.SECONDS);
        }

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        try (KafkaProducer<String, String> producer = producer(broker, 2_000)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "key", "during the outage")).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
        broker.start();

        assertThat(broker.isRunning()).isTrue();
        assertThat(readAll(broker, topic, 1)).containsExactly("before the outage");
    }

    @Test
    void mintedTokensVerifyAgainstThePublishedKeysAndForgedOrExpiredOnesDoNot() throws Exception {
        TestTokens tokens = TestTokens.shared();
        DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(URI.create(tokens.jwkSetUri()).toURL()).build()));

        JWTClaimsSet claims = verifier.process(tokens.mint("citizen-1", "Ada", "CITIZEN", "STAFF"), null);
        JWTClaimsSet keycloak = verifier.process(tokens.mintKeycloakStyle("commissioner-1", "Grace", "COMMISSIONER"), null);

        assertThat(claims.getSubject()).isEqualTo("citizen-1");
        assertThat(claims.getIssuer()).isEqualTo(tokens.issuer());
        assertThat(claims.getStringClaim("name")).isEqualTo("Ada");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CITIZEN", "STAFF");
        assertThat(keycloak.getClaim("roles")).isNull();
        assertThat(keycloak.getJSONObjectClaim("realm_access")).containsEntry("roles", List.of("COMMISSIONER"));
        assertThatThrownBy(() -> verifier.process(tokens.mintWithUnknownKey("forger", "AUDITOR"), null)).isNotNull();
        assertThatThrownBy(() -> verifier.process(tokens.mintExpired("late", "CITIZEN"), null)).hasMessageContaining("Expired");
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker, int timeoutMillis) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMillis);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMillis, 30_000));
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMillis, 2_000) + 1_000);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(properties);
    }

    private static List<String> readAll(KafkaBroker broker, String topic, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "support-check-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(60);
            while (values.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    values.add(record.value());
                }
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                values.add(record.value());
            }
        }
        return values;
    }
}
