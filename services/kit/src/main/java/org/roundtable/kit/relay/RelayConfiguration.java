package org.roundtable.kit.relay;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.roundtable.events.EventCatalog;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Source;
import org.roundtable.kit.RoundtableProperties;
import org.roundtable.kit.axon.EventSourcingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The event-store-to-Kafka relay, for services that publish (the audit service only reads). Its producer is
 * idempotent and transactional with {@code acks=all}; its tracking processor is single-threaded, so the global order
 * of the event store (and so each aggregate's order) is the order on the topic.
 */
@AutoConfiguration(after = EventSourcingConfiguration.class,
        afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnExpression("${roundtable.relay.enabled:true} and T(org.roundtable.kit.relay.RelayConfiguration).publishes('${roundtable.service:}')")
public class RelayConfiguration {

    public static boolean publishes(String service) {
        return Arrays.stream(Source.values()).anyMatch(source -> source.service().equals(service));
    }

    @Bean
    KafkaTemplate<String, byte[]> relayKafkaTemplate(KafkaProperties kafkaProperties, RoundtableProperties properties) {
        Map<String, Object> producer = new HashMap<>(kafkaProperties.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        int maxBlock = (int) properties.relay().maxBlock().toMillis();
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, maxBlock / 2));
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, maxBlock);
        producer.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(producer);
        factory.setTransactionIdPrefix(properties.relayTransactionIdPrefix());
        return new KafkaTemplate<>(factory);
    }

    @Bean
    RelayMetrics relayMetrics(MeterRegistry registry, RoundtableProperties properties, ObjectProvider<EventStore> eventStore,
                              ObjectProvider<EventProcessingConfiguration> processing) {
        return new RelayMetrics(registry, Source.ofService(properties.service()).topic(), eventStore::getObject, processing::getObject);
    }

    @Bean
    PublishedTail relayPublishedTail(RoundtableProperties properties, KafkaProperties kafkaProperties) {
        Map<String, Object> consumer = new HashMap<>(kafkaProperties.buildConsumerProperties());
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a batch the broker committed without its token holds at most batch-size events, spread over the partitions
        return new PublishedTail(new DefaultKafkaConsumerFactory<>(consumer), Source.ofService(properties.service()).topic(),
                2 * properties.relay().batchSize() + 10, properties.relay().maxBlock());
    }

    @Bean
    EventRelay eventRelay(KafkaTemplate<String, byte[]> relayKafkaTemplate, KafkaEnvelopeCodec codec, EventCatalog catalog,
                          RoundtableProperties properties, RelayMetrics metrics, PublishedTail relayPublishedTail) {
        return new EventRelay(relayKafkaTemplate, codec, catalog, Source.ofService(properties.service()), metrics, relayPublishedTail);
    }

    @Bean
    ConfigurerModule relayProcessor(RoundtableProperties properties, ObjectProvider<EventRelay> relay) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(EventRelay.PROCESSING_GROUP, Configuration::eventStore,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(properties.relay().batchSize())
                                .andEventTrackerStatusChangeListener(changes -> {
                                    if (changes.values().stream().anyMatch(status -> status.trackerAdded() || status.trackerRemoved())) {
                                        relay.getObject().segmentClaimChanged();
                                    }
                                }))
                .registerListenerInvocationErrorHandler(EventRelay.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance()));
    }
}
