package org.roundtable.kit.deadletter;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;

import java.util.function.Supplier;

/**
 * A sequenced dead-letter queue on JPA (the service's own PostgreSQL, table {@code dead_letter_entry}) for every
 * isolated processing group, in place of Axon's per-group {@code dlq.enabled} switch. Sequenced per aggregate: while
 * one of an aggregate's events is a dead letter, the aggregate's later events join it in the queue, in order, and
 * every other aggregate's events flow on.
 */
final class DeadLetterQueues extends DeadLetterQueueProviderConfigurerModule {

    private final IsolatedGroups groups;
    private final Supplier<EntityManagerProvider> entityManagers;
    private final Supplier<TransactionManager> transactions;
    private final Supplier<Serializer> eventSerializer;
    private final Supplier<Serializer> serializer;
    private final DeadLetterMetrics metrics;

    DeadLetterQueues(EventProcessorProperties processors, IsolatedGroups groups, Supplier<EntityManagerProvider> entityManagers,
                     Supplier<TransactionManager> transactions, Supplier<Serializer> eventSerializer,
                     Supplier<Serializer> serializer, DeadLetterMetrics metrics) {
        super(processors, group -> null);
        this.groups = groups;
        this.entityManagers = entityManagers;
        this.transactions = transactions;
        this.eventSerializer = eventSerializer;
        this.serializer = serializer;
        this.metrics = metrics;
    }

    @Override
    public void configureModule(Configurer configurer) {
        RetryThenDeadLetter policy = new RetryThenDeadLetter();
        configurer.eventProcessing()
                .registerDeadLetterQueueProvider(group -> groups.isolated(group) ? configuration -> queue(group) : null)
                .registerDefaultDeadLetterPolicy(configuration -> policy);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        // the store's own serializer, so a payload that cannot be read is set aside as the bytes it was stored as
        SequencedDeadLetterQueue<EventMessage<?>> queue = JpaSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(group)
                .entityManagerProvider(entityManagers.get())
                .transactionManager(transactions.get())
                .eventSerializer(eventSerializer.get())
                .genericSerializer(serializer.get())
                .build();
        metrics.watch(group, queue);
        return queue;
    }
}
