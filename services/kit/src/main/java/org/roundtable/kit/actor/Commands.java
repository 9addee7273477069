package org.roundtable.kit.actor;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.roundtable.events.Actor;

/**
 * Sends a command on behalf of the person making the current request, acting in one of the roles the command's
 * {@link org.roundtable.kit.authority.Authority} opens it to, and waits for its outcome. A refusal comes back as the
 * domain's exception. A command refused only because another instance of the service changed the same aggregate at
 * that moment is first sent again by the gateway (see {@link org.roundtable.kit.axon.ConcurrentAppendRetries}).
 */
public class Commands {

    private final CommandGateway gateway;
    private final RequestActors actors;

    public Commands(CommandGateway gateway, RequestActors actors) {
        this.gateway = gateway;
        this.actors = actors;
    }

    public <R> R send(Object command) {
        Actor actor = actors.sending(command.getClass());
        String correlationId = actors.correlationId().orElseGet(CorrelationIds::create);
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(ActorMetadata.of(actor, correlationId, null)));
    }
}
