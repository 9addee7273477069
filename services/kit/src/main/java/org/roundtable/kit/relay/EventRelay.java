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

/**
 * The event store is the outbox: this tracking event handler publishes every stored event of the service to its
 * topic, keyed by aggregate id. All events of one processor batch go to Kafka in one Kafka transaction, committed
 * before the processor's token is stored; if the broker does not acknowledge, the batch fails, the token stays
 * where it was and the processor retries the batch later. Records of an aborted attempt are never seen by
 * read-committed consumers, so the relay's retries put nothing on the topic twice, and one aggregate's events
 * keep their order.
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

    public EventRelay(KafkaTemplate<String, byte[]> kafka, KafkaEnvelopeCodec codec, EventCatalog catalog, Source source,
                      RelayMetrics metrics) {
        this.kafka = kafka;
        this.codec = codec;
        this.catalog = catalog;
        this.source = source;
        this.serviceActor = Actor.system(source.service());
        this.metrics = metrics;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
        if (ActorMetadata.heardFromOf(message.getMetaData()).isPresent()) {
            return; // another service's event, kept here as heard: its own service published it
        }
        ProducerRecord<String, byte[]> record = codec.encode(envelopeOf(payload, message));
        UnitOfWork<?> batchUnit = CurrentUnitOfWork.get().root();
        List<ProducerRecord<String, byte[]>> batch = batchUnit.getOrComputeResource(BATCH, key -> {
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            batchUnit.onPrepareCommit(unit -> publish(records));
            return records;
        });
        batch.add(record);
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

    private void publish(List<ProducerRecord<String, byte[]>> records) {
        try {
            kafka.executeInTransaction(operations -> {
                records.forEach(operations::send);
                return null;
            });
        } catch (RuntimeException failure) {
            metrics.failed();
            log.warn("relay could not publish {} events to {}; the batch will be retried: {}", records.size(), source.topic(),
                    failure.getMessage());
            throw failure;
        }
        metrics.published(records.size());
    }
}
