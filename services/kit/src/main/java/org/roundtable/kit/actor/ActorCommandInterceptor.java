package org.roundtable.kit.actor;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Stamps every dispatched command with who acted, what it belongs to and what caused it, keeping whatever the sender
 * already said: the actor of the authenticated request, its correlation id and the request's id as cause; or, when
 * reacting to another service's event, the service itself, that event's correlation id and the event's id as cause;
 * otherwise the service itself and a new correlation id.
 */
public class ActorCommandInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final RequestActors requestActors;
    private final Actor serviceActor;

    public ActorCommandInterceptor(RequestActors requestActors, String service) {
        this.requestActors = requestActors;
        this.serviceActor = Actor.system(service);
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            MetaData metadata = command.getMetaData();
            if (!metadata.containsKey(ActorMetadata.ACTOR_ID)) {
                return command.andMetaData(stamp());
            }
            java.util.Map<String, Object> missing = new java.util.HashMap<>();
            if (!metadata.containsKey(ActorMetadata.CORRELATION_ID)) {
                missing.put(ActorMetadata.CORRELATION_ID, correlationId());
            }
            if (!metadata.containsKey(ActorMetadata.CAUSATION_ID)) {
                causationId().ifPresent(cause -> missing.put(ActorMetadata.CAUSATION_ID, cause));
            }
            return missing.isEmpty() ? command : command.andMetaData(missing);
        };
    }

    private java.util.Map<String, Object> stamp() {
        if (InboundEvent.current().isPresent()) {
            EventEnvelope cause = InboundEvent.current().get();
            return ActorMetadata.of(serviceActor, cause.correlationId(), cause.id());
        }
        Actor actor = requestActors.current().orElse(serviceActor);
        return ActorMetadata.of(actor, correlationId(), causationId().orElse(null));
    }

    private java.util.Optional<String> causationId() {
        return InboundEvent.current().map(EventEnvelope::id).or(requestActors::requestId);
    }

    private String correlationId() {
        return InboundEvent.current().map(EventEnvelope::correlationId)
                .or(requestActors::correlationId)
                .orElseGet(CorrelationIds::create);
    }
}
