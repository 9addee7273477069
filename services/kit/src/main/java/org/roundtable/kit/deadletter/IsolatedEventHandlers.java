package org.roundtable.kit.deadletter;

import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.roundtable.kit.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wraps every event handler of an isolated processing group so that one event's failure is its own:
 * <ul>
 *   <li>what the handler changed is flushed before it returns, so the database refuses (a value too long, a NUL) while
 *       this event is being handled, not later when the processor commits a batch;</li>
 *   <li>a failure is counted and rethrown as {@link EventHandlingFailed}, and the processor retries the event after its
 *       back-off;</li>
 *   <li>once the event's attempts are used up, the handler is not called again: {@link RetriesExhausted} lets the
 *       dead-lettering invoker set the event aside, in a transaction nothing has spoilt, and go on.</li>
 * </ul>
 * Replaying a dead letter calls the handler once, without counting: the letter stays queued if it fails again.
 */
final class IsolatedEventHandlers implements HandlerEnhancerDefinition {

    private static final Logger log = LoggerFactory.getLogger(IsolatedEventHandlers.class);

    private final IsolatedGroups groups;
    private final FailedEvents failures;
    private final Supplier<EntityManager> entityManager;
    private final DeadLetterMetrics metrics;

    IsolatedEventHandlers(IsolatedGroups groups, FailedEvents failures, Supplier<EntityManager> entityManager,
                          DeadLetterMetrics metrics) {
        this.groups = groups;
        this.failures = failures;
        this.entityManager = entityManager;
        this.metrics = metrics;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)
                || !original.hasAnnotation(EventHandler.class)
                || original.hasAnnotation(EventSourcingHandler.class)
                || original.hasAnnotation(SagaEventHandler.class)) {
            return original;
        }
        String group = processingGroupOf(original.declaringClass());
        return groups.isolated(group) ? new Isolated<>(original, group) : original;
    }

    /** The processing group Axon assigns a handler class to: its {@link ProcessingGroup}, or else its package. */
    static String processingGroupOf(Class<?> handlerClass) {
        ProcessingGroup annotation = AnnotatedElementUtils.findMergedAnnotation(handlerClass, ProcessingGroup.class);
        return annotation != null ? annotation.value() : handlerClass.getPackageName();
    }

    private final class Isolated<T> extends WrappedMessageHandlingMember<T> {

        private final String group;

        private Isolated(MessageHandlingMember<T> delegate, String group) {
            super(delegate);
            this.group = group;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            boolean replaying = DeadLetterCauses.replaying();
            if (!replaying) {
                Optional<Throwable> exhausted = failures.exhausted(group, message.getIdentifier());
                if (exhausted.isPresent()) {
                    log.warn("{}: event {} ({}) failed {} times; it becomes a dead letter: {}", group, message.getIdentifier(),
                            message.getPayloadType().getSimpleName(), failures.attempts(), DeadLetterCauses.describe(exhausted.get()));
                    metrics.deadLettered(group);
                    throw new RetriesExhausted(exhausted.get());
                }
            }
            try {
                Object result = super.handle(message, target);
                flush();
                failures.succeeded(group, message.getIdentifier());
                return result;
            } catch (Exception failure) {
                if (replaying) {
                    throw failure;
                }
                if (Outages.isOutage(failure)) {
                    // not the event's fault: retried after the processor's back-off, as often as the outage lasts
                    EventHandlingFailed waiting = new EventHandlingFailed(group, message.getIdentifier(), 0, failures.attempts(), failure);
                    log.warn("{}; the database or broker is unreachable, so this attempt does not count", waiting.getMessage());
                    throw waiting;
                }
                int attempt = failures.failed(group, message.getIdentifier(), failure);
                metrics.failed(group);
                EventHandlingFailed retry = new EventHandlingFailed(group, message.getIdentifier(), attempt, failures.attempts(), failure);
                log.warn(retry.getMessage());
                throw retry;
            }
        }

        private void flush() {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                entityManager.get().flush();
            }
        }
    }
}
