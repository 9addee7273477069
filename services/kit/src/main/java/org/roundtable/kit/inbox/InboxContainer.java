package org.roundtable.kit.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.roundtable.kit.Outages;
import org.roundtable.kit.RoundtableProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;
import org.roundtable.events.EventDecodingException;


/**
 * Runs the inbox's Kafka consumer once everything else has started, and stops it first, so that no event is
 * handled while the service cannot act on it.
 */
public class InboxContainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxContainer.class);

    private final Inbox inbox;
    private final ApplicationContext context;
    private final ConsumerFactory<String, byte[]> consumers;
    private final DeadLetters deadLetters;
    private final RoundtableProperties properties;
    private final InboxMetrics metrics;
    private ConcurrentMessageListenerContainer<String, byte[]> container;
    private boolean running;

    public InboxContainer(Inbox inbox, ApplicationContext context, ConsumerFactory<String, byte[]> consumers,
                          DeadLetters deadLetters, RoundtableProperties properties, InboxMetrics metrics) {
        this.inbox = inbox;
        this.context = context;
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public synchronized void start() {
        running = true;
        inbox.createTable();
        inbox.discoverHandlers(context);
        if (inbox.topics().isEmpty()) {
            log.info("inbox: this service handles no other service's events");
            return;
        }
        ContainerProperties containerProperties = new ContainerProperties(inbox.topics().toArray(String[]::new));
        containerProperties.setGroupId(properties.consumerGroup());
        containerProperties.setMessageListener((MessageListener<String, byte[]>) inbox::handle);
        container = new ConcurrentMessageListenerContainer<>(consumers, containerProperties);
        container.setConcurrency(properties.inbox().concurrency());
        container.setCommonErrorHandler(errorHandler());
        container.setBeanName("roundtableInbox");
        container.start();
        log.info("inbox: reading {} as {}", inbox.topics(), properties.consumerGroup());
    }

    private DefaultErrorHandler errorHandler() {
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            log.warn("inbox: {}-{}@{} goes to the dead-letter topic: {}", record.topic(), record.partition(), record.offset(), reason(failure));
            @SuppressWarnings("unchecked")
            ConsumerRecord<String, byte[]> undelivered = (ConsumerRecord<String, byte[]>) record;
            deadLetters.send(undelivered, properties.consumerGroup(), reason(failure));
            metrics.deadLettered(record.topic());
        }, backOff(properties.inbox()));
        handler.addNotRetryableExceptions(EventDecodingException.class);
        // the database unreachable is no fault of the record: it is tried again every second until the database answers
        handler.setBackOffFunction((record, failure) -> Outages.isOutage(failure) ? new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS) : null);
        return handler;
    }

    /** Bounded: a record that keeps failing is retried, each pause twice the last, then set aside and the partition goes on. */
    static BackOff backOff(RoundtableProperties.Inbox inbox) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(inbox.retries());
        backOff.setInitialInterval(inbox.retryInterval().toMillis());
        backOff.setMultiplier(2);
        return backOff;
    }

    static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && cause.getClass().getName().startsWith("org.springframework.kafka")) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** After the message handlers and web server have started, before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
