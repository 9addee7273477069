package org.roundtable.kit.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.spring.stereotype.Saga;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.roundtable.kit.RoundtableProperties;
import org.roundtable.kit.axon.EventSourcingConfiguration;
import org.roundtable.kit.inbox.InboxConfiguration;
import org.roundtable.kit.inbox.InboxDeadLetters;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * One failing event never stalls a processing group: every streaming processor of the service (its projections and
 * the relay) retries a failing event a few times with back-off, then sets it aside in a sequenced dead-letter queue
 * on the service's PostgreSQL, visible in metrics and at {@code /api/<service>/operations/dead-letters}, and
 * replayable there after a fix. The same endpoint lists and replays the inbox's dead letters.
 */
@AutoConfiguration(after = {EventSourcingConfiguration.class, InboxConfiguration.class},
        beforeName = "org.axonframework.springboot.autoconfig.JpaAutoConfiguration")
public class DeadLetterConfiguration {

    @Bean
    DeadLetterMetrics deadLetterMetrics(MeterRegistry registry) {
        return new DeadLetterMetrics(registry);
    }

    @Bean
    IsolatedGroups isolatedGroups(EventProcessorProperties processors) {
        return new IsolatedGroups(processors);
    }

    @Bean
    FailedEvents failedEvents(RoundtableProperties properties) {
        return new FailedEvents(properties.deadLetters().attempts());
    }

    @Bean
    IsolatedEventHandlers isolatedEventHandlers(IsolatedGroups groups, FailedEvents failures,
                                                ObjectProvider<EntityManagerProvider> entityManagers, DeadLetterMetrics metrics) {
        return new IsolatedEventHandlers(groups, failures, () -> entityManagers.getObject().getEntityManager(), metrics);
    }

    @Bean
    DeadLetterQueues deadLetterQueues(EventProcessorProperties processors, IsolatedGroups groups,
                                      ObjectProvider<EntityManagerProvider> entityManagers, ObjectProvider<TransactionManager> transactions,
                                      @Qualifier("eventSerializer") ObjectProvider<Serializer> eventSerializer,
                                      ObjectProvider<Serializer> serializer, DeadLetterMetrics metrics) {
        return new DeadLetterQueues(processors, groups, entityManagers::getObject, transactions::getObject,
                eventSerializer::getObject, serializer::getObject, metrics);
    }

    /**
     * Axon keeps no dead letters for sagas (a saga's associations change from event to event, so no sequence can be set
     * aside): an event a saga fails on is retried by the saga's own processor, with back-off, until it is handled,
     * instead of being logged and lost. Only that saga's processor waits; projections and the relay go on.
     */
    @Bean
    ConfigurerModule sagasRetryWhatTheyFailOn(ListableBeanFactory beans) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String name : beans.getBeanNamesForAnnotation(Saga.class)) {
                Class<?> saga = beans.getType(name, false);
                if (saga != null) {
                    processing.registerListenerInvocationErrorHandler(sagaProcessingGroupOf(saga),
                            configuration -> PropagatingErrorHandler.instance());
                }
            }
        });
    }

    /** The processing group Axon gives a saga: its {@link ProcessingGroup}, or else its simple name and "Processor". */
    static String sagaProcessingGroupOf(Class<?> saga) {
        ProcessingGroup annotation = AnnotatedElementUtils.findMergedAnnotation(saga, ProcessingGroup.class);
        return annotation != null ? annotation.value() : saga.getSimpleName() + "Processor";
    }

    @Bean
    DeadLetterOperations deadLetterOperations(ObjectProvider<EventProcessingConfiguration> processing, DeadLetterMetrics metrics) {
        return new DeadLetterOperations(processing::getObject, metrics);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    DeadLetterController deadLetterController(DeadLetterOperations operations, ObjectProvider<InboxDeadLetters> inbox) {
        return new DeadLetterController(operations, inbox);
    }
}
