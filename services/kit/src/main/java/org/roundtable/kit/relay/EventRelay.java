package org.roundtable.kit.relay;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.roundtable.events.Actor;
import org.roundtable.events.EventCatalog;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.EventType;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Source;
import org.roundtable.kit.actor.ActorMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The event store is the outbox: this tracking event handler publishes every stored event of the service to its
 * topic, keyed by aggregate id. All events of one processor batch go to Kafka in one Kafka transaction, committed
 * before the processor's token is stored; if the broker does not acknowledge, the batch fails, the token stays
 * where it was and the processor retries the batch later. Records of an aborted attempt are never seen by
 * read-committed consumers, so the relay's retries put nothing on the topic twice, and one aggregate's events
 * keep their order.
 *
 * <p>However many instances of the service run, one relays: the processor has one segment, and its token is claimed by
 * one instance at a time. The broker may have committed a batch whose token the database then did not store (the
 * instance was killed between the two, or PostgreSQL failed the commit). So unless a batch follows one this instance
 * stored while it held the claim all along (not after a start, a failed batch, or the segment claimed or given up),
 * the relay first reads the end of the topic and leaves out the events already there: each stored event is published
 * once.
 */
@ProcessingGroup(EventRelay.PROCESSING_GROUP)
public class EventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final String BATCH = EventRelay.class.getName() + ".batch";

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaEnvelopeCodec codec;
    private final EventCatalog catalog;
    private final Source source;
    private final Actor serviceActor;
    private final RelayMetrics metrics;
    private final PublishedTail publishedTail;
    /** Whether this instance's last batch was stored, and the segment has stayed claimed since; false while a batch is under way. */
    private volatile boolean followsOwnStoredBatch;

    EventRelay(KafkaTemplate<String, byte[]> kafka, KafkaEnvelopeCodec codec, EventCatalog catalog, Source source,
               RelayMetrics metrics, PublishedTail publishedTail) {
        this.kafka = kafka;
        this.codec = codec;
        this.catalog = catalog;
        this.source = source;
        this.serviceActor = Actor.system(source.service());
        this.metrics = metrics;
        this.publishedTail = publishedTail;
    }

    /**
     * The processor claimed or released its segment: until a batch of this instance is stored again, what the topic
     * holds may be ahead of the token (another instance may have published a batch whose token it never stored).
     */
    void segmentClaimChanged() {
        followsOwnStoredBatch = false;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
        UnitOfWork<?> batchUnit = CurrentUnitOfWork.get().root();
        Batch batch = batchUnit.getOrComputeResource(BATCH, key -> {
            Batch started = new Batch();
            batchUnit.onPrepareCommit(unit -> publish(started));
            batchUnit.afterCommit(unit -> followsOwnStoredBatch = true);
            return started;
        });
        if (ActorMetadata.heardFromOf(message.getMetaData()).isPresent()) {
            return; // another service's event, kept here as heard: its own service published it
        }
        EventEnvelope envelope = envelopeOf(payload, message);
        batch.add(envelope.id(), codec.encode(envelope));
    }

    EventEnvelope envelopeOf(Object payload, EventMessage<?> message) {
        if (!(payload instanceof IntegrationEvent event)) {
            throw new IllegalStateException("stored event " + message.getIdentifier() + " of type " + payload.getClass().getName()
                    + " is not an integration event; aggregates apply only records of the published language");
        }
        EventType type = catalog.typeOf(payload.getClass());
        if (type.source() != source) {
            throw new IllegalStateException(type + " belongs to " + type.source().service() + ", not to " + source.service());
        }
        Actor actor = ActorMetadata.actorOf(message.getMetaData()).orElseGet(() -> {
            log.warn("stored event {} ({}) names no actor; publishing it as {}", message.getIdentifier(), type, serviceActor.subjectId());
            return serviceActor;
        });
        String subject = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : message.getIdentifier();
        Long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new EventEnvelope(message.getIdentifier(), type, subject, message.getTimestamp(), actor,
                ActorMetadata.correlationIdOf(message.getMetaData()).orElse(message.getIdentifier()),
                ActorMetadata.causationIdOf(message.getMetaData()).orElse(null), sequence, event);
    }

    private void publish(Batch batch) {
        boolean followsOwn = followsOwnStoredBatch;
        followsOwnStoredBatch = false;
        try {
            List<ProducerRecord<String, byte[]>> records = batch.records;
            if (!followsOwn) {
                records = notYetPublished(batch);
            }
            if (!records.isEmpty()) {
                List<ProducerRecord<String, byte[]>> sending = records;
                kafka.executeInTransaction(operations -> {
                    sending.forEach(operations::send);
                    return null;
                });
            }
            metrics.published(records.size());
        } catch (RuntimeException failure) {
            metrics.failed();
            log.warn("relay could not publish {} events to {}; the batch will be retried: {}", batch.records.size(), source.topic(),
                    failure.getMessage());
            throw failure;
        }
    }

    /** The batch's records whose events the end of the topic does not hold yet. */
    private List<ProducerRecord<String, byte[]>> notYetPublished(Batch batch) {
        metrics.readTopicEnd();
        Set<String> onTopic = publishedTail.eventIds();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < batch.records.size(); i++) {
            if (!onTopic.contains(batch.eventIds.get(i))) {
                records.add(batch.records.get(i));
            }
        }
        int already = batch.records.size() - records.size();
        if (already > 0) {
            log.info("relay: {} of {} events of this batch are on {} already (published before the token was stored); "
                    + "publishing the other {}", already, batch.records.size(), source.topic(), records.size());
            metrics.alreadyPublished(already);
        }
        return records;
    }

    /** The events of one processor batch that are this service's own to publish. */
    private static final class Batch {

        private final List<String> eventIds = new ArrayList<>();
        private final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();

        void add(String eventId, ProducerRecord<String, byte[]> record) {
            eventIds.add(eventId);
            records.add(record);
        }
    }
}
