package org.roundtable.kit.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * {@code roundtable.relay.events}: events the broker acknowledged; {@code roundtable.relay.failures}: batches that
 * failed and will be retried; {@code roundtable.relay.already-published}: events a relay left out because the topic
 * held them already; {@code roundtable.relay.topic-end-reads}: times a relay read the end of its topic before publishing
 * (when it took over from another instance, or its last batch failed); {@code roundtable.relay.lag}: stored events not yet published.
 */
public class RelayMetrics {

    private final Counter published;
    private final Counter failures;
    private final Counter alreadyPublished;
    private final Counter topicEndReads;

    public RelayMetrics(MeterRegistry registry, String topic, Supplier<EventStore> eventStore,
                        Supplier<EventProcessingConfiguration> processing) {
        this.published = Counter.builder("roundtable.relay.events").description("Stored events published to Kafka")
                .tag("topic", topic).register(registry);
        this.failures = Counter.builder("roundtable.relay.failures").description("Relay batches that failed and will be retried")
                .tag("topic", topic).register(registry);
        this.alreadyPublished = Counter.builder("roundtable.relay.already-published")
                .description("Events left out of a batch because the topic held them already").tag("topic", topic).register(registry);
        this.topicEndReads = Counter.builder("roundtable.relay.topic-end-reads")
                .description("Times the relay read the end of its topic before publishing a batch").tag("topic", topic).register(registry);
        Gauge.builder("roundtable.relay.lag", () -> lag(eventStore.get(), processing.get()))
                .description("Stored events not yet published to Kafka").tag("topic", topic).register(registry);
    }

    void published(int count) {
        published.increment(count);
    }

    void readTopicEnd() {
        topicEndReads.increment();
    }

    void alreadyPublished(int count) {
        alreadyPublished.increment(count);
    }

    void failed() {
        failures.increment();
    }

    private static double lag(EventStore eventStore, EventProcessingConfiguration processing) {
        OptionalLong head = position(eventStore.createHeadToken());
        if (head.isEmpty()) {
            return 0;
        }
        long relayed = processing.eventProcessor(EventRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .mapToLong(position -> position.orElse(-1))
                        .min().orElse(-1))
                .orElse(-1L);
        return Math.max(0, head.getAsLong() - relayed);
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
