package org.roundtable.kit.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.roundtable.kit.domain.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** What an operator sees of the processing groups' dead letters, and the replay after a fix. */
public class DeadLetterOperations {

    /** At most this many dead letters are listed per processing group; the counts are always complete. */
    static final int LISTED = 200;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOperations.class);

    private final Supplier<EventProcessingConfiguration> processing;
    private final DeadLetterMetrics metrics;

    public DeadLetterOperations(Supplier<EventProcessingConfiguration> processing, DeadLetterMetrics metrics) {
        this.processing = processing;
        this.metrics = metrics;
    }

    /** Every processing group with a dead-letter queue, with its dead letters, oldest aggregate first. */
    public List<ProcessingGroupDeadLetters> list() {
        List<ProcessingGroupDeadLetters> groups = new ArrayList<>();
        for (String group : new TreeSet<>(processing.get().eventProcessors().keySet())) {
            processing.get().deadLetterQueue(group).ifPresent(queue -> groups.add(describe(group, queue)));
        }
        return groups;
    }

    public ProcessingGroupDeadLetters list(String group) {
        return describe(group, queue(group));
    }

    /**
     * Hands every dead-lettered aggregate of the group to its handlers again, each aggregate's events in order. An
     * aggregate whose events are all handled leaves the queue; one that fails again stays, with the new cause, and its
     * later events stay behind it.
     */
    public Replay replay(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.get().sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new NotFound("processing group " + group + " has no dead-letter queue"));
        long before = queue.size();
        long sequences = queue.amountOfSequences();
        Set<String> tried = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (long attempt = 0; attempt < sequences; attempt++) {
            try {
                processor.process(letter -> tried.add(sequenceOf(letter)));
            } catch (RuntimeException failure) {
                log.warn("{}: replaying a dead-lettered aggregate failed: {}", group, DeadLetterCauses.describe(failure));
                failures.add(DeadLetterCauses.describe(failure));
            }
        }
        long remaining = queue.size();
        long handled = Math.max(0, before - remaining);
        metrics.replayed(group, "handled", handled);
        metrics.replayed(group, "failed", remaining);
        log.info("{}: replayed dead letters: {} handled, {} remain", group, handled, remaining);
        return new Replay(group, handled, remaining, failures);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.get().deadLetterQueue(group)
                .orElseThrow(() -> new NotFound("processing group " + group + " has no dead-letter queue"));
    }

    private static ProcessingGroupDeadLetters describe(String group, SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<DeadLetterView> letters = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (letters.size() >= LISTED) {
                    break;
                }
                letters.add(DeadLetterView.of(letter));
            }
        }
        return new ProcessingGroupDeadLetters(group, queue.size(), queue.amountOfSequences(), letters);
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : letter.message().getIdentifier();
    }

    /**
     * One processing group's dead letters.
     *
     * @param deadLetters events waiting: the failed ones and those held behind them
     * @param aggregates  aggregates whose events wait
     * @param letters     the first {@value #LISTED} of them, by aggregate and then in order
     */
    public record ProcessingGroupDeadLetters(String processingGroup, long deadLetters, long aggregates, List<DeadLetterView> letters) {
    }

    /**
     * One dead-lettered event.
     *
     * @param causeType the failure's type, absent for an event held only because an earlier one of its aggregate failed
     * @param cause     what failed, absent likewise
     */
    public record DeadLetterView(String eventId, String eventType, String aggregateId, Long aggregateSequence, Instant storedAt,
                                 Instant enqueuedAt, Instant lastTouched, String causeType, String cause) {

        static DeadLetterView of(DeadLetter<? extends EventMessage<?>> letter) {
            EventMessage<?> message = letter.message();
            DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> event ? event : null;
            return new DeadLetterView(message.getIdentifier(), message.getPayloadType().getSimpleName(),
                    domain == null ? null : domain.getAggregateIdentifier(), domain == null ? null : domain.getSequenceNumber(),
                    message.getTimestamp(), letter.enqueuedAt(), letter.lastTouched(),
                    letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null));
        }
    }

    /**
     * What a replay did.
     *
     * @param handled   dead letters handled and gone from the queue
     * @param remaining dead letters still queued (failed again, or held behind one that did)
     * @param failures  why each aggregate that failed again failed, when the failure undid the whole attempt
     */
    public record Replay(String processingGroup, long handled, long remaining, List<String> failures) {
    }
}
