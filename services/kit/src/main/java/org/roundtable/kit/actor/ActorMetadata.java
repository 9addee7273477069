package org.roundtable.kit.actor;

import org.axonframework.messaging.MetaData;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The metadata keys under which every command and stored event says who acted and what it belongs to. */
public final class ActorMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ACTOR_NAME = "actorName";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    /** On another service's event kept in this service's event store: the service it was heard from. */
    public static final String HEARD_FROM = "heardFrom";
    /** The subject (aggregate) of another service's event kept in this service's store: its handlers take one subject's events in order. */
    public static final String HEARD_SUBJECT = "heardSubject";

    private ActorMetadata() {
    }

    public static Map<String, Object> of(Actor actor, String correlationId, String causationId) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(ACTOR_ID, actor.subjectId());
        metadata.put(ACTOR_ROLE, actor.role().name());
        if (actor.displayName() != null) {
            metadata.put(ACTOR_NAME, actor.displayName());
        }
        metadata.put(CORRELATION_ID, correlationId);
        if (causationId != null) {
            metadata.put(CAUSATION_ID, causationId);
        }
        return metadata;
    }

    public static Optional<Actor> actorOf(MetaData metadata) {
        Object id = metadata.get(ACTOR_ID);
        Object role = metadata.get(ACTOR_ROLE);
        if (id == null || role == null) {
            return Optional.empty();
        }
        Object name = metadata.get(ACTOR_NAME);
        return Optional.of(new Actor(id.toString(), Role.parse(role.toString()), name == null ? null : name.toString()));
    }

    public static Optional<String> correlationIdOf(MetaData metadata) {
        return Optional.ofNullable(metadata.get(CORRELATION_ID)).map(Object::toString);
    }

    /** The service a stored event was heard from, when it is another service's event kept here. */
    public static Optional<String> heardFromOf(MetaData metadata) {
        return Optional.ofNullable(metadata.get(HEARD_FROM)).map(Object::toString);
    }

    public static Optional<String> causationIdOf(MetaData metadata) {
        return Optional.ofNullable(metadata.get(CAUSATION_ID)).map(Object::toString);
    }
}
