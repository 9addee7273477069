package org.roundtable.kit.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The service's event store: {@link CommitWakingEventStore} on the storage engine Axon's JPA configuration gives (so
 * it comes after that configuration, whose storage engine backs off when an event bus exists, and before Axon's own,
 * whose event store backs off for this one).
 */
@AutoConfiguration(
        afterName = "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class EventStoreConfiguration {

    /**
     * @param fetchDelay how long the store's reader waits before it looks for new events again when nothing woke it:
     *                   the longest an event stored by another instance of the service waits for this one's processors
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnBean(EventStorageEngine.class)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  @Value("${roundtable.events.fetch-delay:1s}") Duration fetchDelay) {
        return new CommitWakingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS));
    }
}
