package org.roundtable.kit.actor;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.roundtable.events.Actor;

import java.util.Map;

/**
 * Carries the actor and correlation id of a handled message onto every message it causes. Their causation id is what
 * caused them as the rest of the platform sees it: for a handled command, the command's own cause (the request or
 * the published event it answered), never the command, which is internal; for a handled event or anything else, its
 * id. A message without an actor (a deadline, a scheduled task) is the service acting on its own, and so is a saga
 * reacting to another service's event kept in the event store: that service's actor acted there, not here.
 */
public class ActorCorrelationDataProvider implements CorrelationDataProvider {

    private final Actor serviceActor;

    public ActorCorrelationDataProvider(String service) {
        this.serviceActor = Actor.system(service);
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Actor actor = ActorMetadata.heardFromOf(message.getMetaData()).isPresent()
                ? serviceActor
                : ActorMetadata.actorOf(message.getMetaData()).orElse(serviceActor);
        String correlationId = ActorMetadata.correlationIdOf(message.getMetaData()).orElse(message.getIdentifier());
        String causationId = message instanceof CommandMessage<?>
                ? ActorMetadata.causationIdOf(message.getMetaData()).orElse(null)
                : message.getIdentifier();
        return ActorMetadata.of(actor, correlationId, causationId);
    }
}
