package org.roundtable.kit.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.roundtable.kit.RoundtableProperties;
import org.roundtable.kit.axon.EventSourcingConfiguration;
import org.roundtable.kit.inbox.InboxConfiguration;
import org.roundtable.kit.inbox.InboxDeadLetters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

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
