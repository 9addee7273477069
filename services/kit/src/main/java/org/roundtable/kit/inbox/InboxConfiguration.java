package org.roundtable.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.EventBus;
import org.roundtable.events.EventCatalog;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Source;
import org.roundtable.kit.RoundtableProperties;
import org.roundtable.kit.axon.EventSourcingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The inbox: read-committed consumption of other services' topics, once per event id, with dead letters. */
@AutoConfiguration(after = EventSourcingConfiguration.class,
        afterName = {"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"})
@ConditionalOnProperty(name = "roundtable.inbox.enabled", havingValue = "true", matchIfMissing = true)
public class InboxConfiguration {

    @Bean
    InboxMetrics inboxMetrics(MeterRegistry registry) {
        return new InboxMetrics(registry);
    }

    @Bean
    DeadLetters deadLetters(KafkaProperties kafkaProperties) {
        return new DeadLetters(kafkaProperties);
    }

    @Bean
    InboxHistory inboxHistory(RoundtableProperties properties, EventCatalog catalog, ObjectProvider<EventBus> eventStore) {
        return new InboxHistory(properties.service(), catalog, eventStore::getObject);
    }

    @Bean
    Inbox inbox(RoundtableProperties properties, EventCatalog catalog, KafkaEnvelopeCodec codec, JdbcTemplate jdbc,
                PlatformTransactionManager transactionManager, InboxMetrics metrics, InboxHistory history) {
        return new Inbox(properties.consumerGroup(), catalog, codec, jdbc, new TransactionTemplate(transactionManager), metrics, history);
    }

    @Bean
    InboxContainer inboxContainer(Inbox inbox, ApplicationContext context, KafkaProperties kafkaProperties, DeadLetters deadLetters,
                                  RoundtableProperties properties, InboxMetrics metrics, MeterRegistry registry) {
        Map<String, Object> consumer = new HashMap<>(kafkaProperties.buildConsumerProperties());
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumerGroup());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(consumer);
        consumers.addListener(new MicrometerConsumerListener<>(registry));

        return new InboxContainer(inbox, context, consumers, deadLetters, properties, metrics);
    }

    @Bean
    InboxDeadLetters inboxDeadLetters(Inbox inbox, DeadLetters deadLetters, RoundtableProperties properties,
                                      KafkaProperties kafkaProperties, InboxMetrics metrics) {
        return new InboxDeadLetters(inbox, deadLetters, properties.consumerGroup(), kafkaProperties.buildConsumerProperties(), metrics);
    }

    /** Every topic and dead-letter topic of the platform exists before anyone reads it. */
    @Bean
    KafkaAdmin.NewTopics roundtableTopics(RoundtableProperties properties) {
        return new KafkaAdmin.NewTopics(Arrays.stream(Source.values())
                .flatMap(source -> java.util.stream.Stream.of(source.topic(), source.deadLetterTopic()))
                .map(topic -> TopicBuilder.name(topic).partitions(properties.topics().partitions())
                        .replicas(properties.topics().replicationFactor()).build())
                .toArray(NewTopic[]::new));
    }
}
