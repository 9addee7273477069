package org.roundtable.kit.actor;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.roundtable.events.Actor;

import java.util.Map;

/**
 * Carries the actor and correlation id of a handled message onto every message it causes, with the handled
 * message's id as their causation id. A message without an actor (a deadline, a scheduled task) is the service
 * acting on its own.
 */
public class ActorCorrelationDataProvider implements CorrelationDataProvider {

    private final Actor serviceActor;

    public ActorCorrelationDataProvider(String service) {
        this.serviceActor = Actor.system(service);
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Actor actor = ActorMetadata.actorOf(message.getMetaData()).orElse(serviceActor);
        String correlationId = ActorMetadata.correlationIdOf(message.getMetaData()).orElse(message.getIdentifier());
        return ActorMetadata.of(actor, correlationId, message.getIdentifier());
    }
}
