package org.roundtable.kit.authority;

import org.axonframework.messaging.MetaData;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.kit.actor.ActorMetadata;
import org.roundtable.kit.domain.NotPermitted;

import java.util.Arrays;
import java.util.List;

/** Reads the {@link Authority} declared on a command. */
public final class Authorities {

    private Authorities() {
    }

    /** The declaration on a command type. */
    public static Authority of(Class<?> commandType) {
        Authority authority = commandType.getAnnotation(Authority.class);
        if (authority == null) {
            throw new IllegalStateException(commandType.getName() + " declares no @Authority: say who may send it");
        }
        return authority;
    }

    /** The roles a command is open to. */
    public static List<Role> rolesOf(Class<?> commandType) {
        return List.of(of(commandType).roles());
    }

    /**
     * The actor of a command, who must act in one of the roles its declaration opens it to; the handler then checks
     * the relationship.
     *
     * @throws NotPermitted when the command names no actor, or one acting in another role
     */
    public static Actor actorOf(Object command, MetaData metadata) {
        Role[] permitted = of(command.getClass()).roles();
        Actor actor = ActorMetadata.actorOf(metadata).orElseThrow(() -> new NotPermitted("the command names no actor"));
        if (!Arrays.asList(permitted).contains(actor.role())) {
            throw new NotPermitted("this is open to " + Arrays.toString(permitted) + ", not to " + actor.role());
        }
        return actor;
    }
}
