package org.roundtable.kit.actor;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;

/**
 * Sends a command on behalf of the person making the current request, acting in one of the roles the action is open
 * to, and waits for its outcome. A refusal comes back as the domain's exception.
 */
public class Commands {

    private final CommandGateway gateway;
    private final RequestActors actors;

    public Commands(CommandGateway gateway, RequestActors actors) {
        this.gateway = gateway;
        this.actors = actors;
    }

    public <R> R send(Object command, Role... actingAs) {
        Actor actor = actors.actingAs(actingAs);
        String correlationId = actors.correlationId().orElseGet(CorrelationIds::create);
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(ActorMetadata.of(actor, correlationId, null)));
    }
}
