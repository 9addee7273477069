package org.roundtable.kit.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.roundtable.events.EventCatalog;
import org.roundtable.events.EventSchemas;
import org.roundtable.events.EventJson;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.kit.RoundtableProperties;
import org.roundtable.kit.actor.ActorCommandInterceptor;
import org.roundtable.kit.actor.ActorCorrelationDataProvider;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.actor.Commands;
import org.roundtable.kit.actor.RequestActors;
import org.roundtable.kit.domain.Snapshots;
import org.roundtable.kit.metrics.CommandMetrics;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.beans.factory.annotation.Value;

import java.net.URI;
import java.time.Duration;

/**
 * Axon on the service's own PostgreSQL: events serialized as the published JSON (the same mapper the envelope
 * uses), Spring-managed transactions, and the actor, correlation and causation carried on every message.
 */
@AutoConfiguration(beforeName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
        "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
        "org.axonframework.springboot.autoconfig.InterceptorAutoConfiguration"})
@EnableConfigurationProperties(RoundtableProperties.class)
public class EventSourcingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCatalog eventCatalog() {
        return RoundtableEvents.CATALOG;
    }

    @Bean
    @ConditionalOnMissingBean(name = "eventJson")
    ObjectMapper eventJson() {
        return EventJson.newMapper();
    }

    /** The events' JSON Schemas, published under {@code roundtable.events.schema-base} (the audit service serves them). */
    @Bean
    @ConditionalOnMissingBean
    EventSchemas eventSchemas(EventCatalog catalog,
                              @Value("${roundtable.events.schema-base:http://localhost:8080/api/audit/schemas/}") URI schemaBase) {
        return new EventSchemas(catalog, schemaBase);
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaEnvelopeCodec kafkaEnvelopeCodec(EventCatalog catalog, @Qualifier("eventJson") ObjectMapper eventJson, EventSchemas schemas) {
        return new KafkaEnvelopeCodec(catalog, eventJson, schemas);
    }

    @Bean
    @Primary
    Serializer serializer(@Qualifier("eventJson") ObjectMapper eventJson) {
        return JacksonSerializer.builder().objectMapper(eventJson).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(@Qualifier("eventJson") ObjectMapper eventJson) {
        return JacksonSerializer.builder().objectMapper(eventJson).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(@Qualifier("eventJson") ObjectMapper eventJson) {
        return JacksonSerializer.builder().objectMapper(eventJson).build();
    }

    /**
     * Every tracking processor without a configuration of its own (the projections) starts with
     * {@code roundtable.processors.segments} segments and as many threads; instances of the service claim the segments
     * through the token store, so each event is handled by one of them.
     */
    @Bean
    ConfigurerModule sharedTrackingProcessors(RoundtableProperties properties) {
        int segments = properties.processors().segments();
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(
                        configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(segments).andInitialSegmentsCount(segments))
                .registerDefaultSequencingPolicy(configuration -> EventSourcingConfiguration::subjectOf));
    }

    /**
     * Which events a segment must take in order: one aggregate's, and of the events heard from other services one
     * subject's (they carry no aggregate in this store), so two segments never update one subject's row at once.
     */
    static Object subjectOf(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain) {
            return domain.getAggregateIdentifier();
        }
        Object heard = event.getMetaData().get(ActorMetadata.HEARD_SUBJECT);
        return heard != null ? heard : event.getIdentifier();
    }

    /** The trigger aggregates name in {@code @Aggregate(snapshotTriggerDefinition = Snapshots.EVERY_FEW_EVENTS)}. */
    @Bean(name = Snapshots.EVERY_FEW_EVENTS)
    SnapshotTriggerDefinition roundtableSnapshots(Snapshotter snapshotter, @Value("${roundtable.snapshots.every:50}") int every) {
        if (every < 2) {
            throw new IllegalArgumentException("roundtable.snapshots.every must be at least 2, was " + every);
        }
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    /** Axon's JPA token store, claiming under {@code roundtable.processors.node} when that is set. */
    @Bean
    @ConditionalOnMissingBean
    TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagers, RoundtableProperties properties,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        JpaTokenStore.Builder tokenStore = JpaTokenStore.builder().entityManagerProvider(entityManagers).serializer(serializer)
                .claimTimeout(claimTimeout);
        if (!properties.processors().node().isBlank()) {
            tokenStore.nodeId(properties.processors().node());
        }
        return tokenStore.build();
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    CorrelationDataProvider actorCorrelationDataProvider(RoundtableProperties properties) {
        return new ActorCorrelationDataProvider(properties.service());
    }

    @Bean
    RequestActors requestActors() {
        return new RequestActors();
    }

    @Bean
    ActorCommandInterceptor actorCommandInterceptor(RequestActors requestActors, RoundtableProperties properties) {
        return new ActorCommandInterceptor(requestActors, properties.service());
    }

    @Bean
    ConcurrentAppendRetries concurrentAppendRetries(RoundtableProperties properties, MeterRegistry registry) {
        return new ConcurrentAppendRetries(properties.commands().retries(), properties.commands().retryBackoff(), registry);
    }

    /** Axon's gateway, sending a command again when another instance appended to its aggregate at the same moment. */
    @Bean
    @ConditionalOnMissingBean
    CommandGateway commandGateway(CommandBus commandBus, ConcurrentAppendRetries retries) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(retries).build();
    }

    @Bean
    Commands commands(CommandGateway gateway, RequestActors requestActors) {
        return new Commands(gateway, requestActors);
    }

    @Bean
    CommandMetrics commandMetrics(MeterRegistry registry) {
        return new CommandMetrics(registry);
    }
}
