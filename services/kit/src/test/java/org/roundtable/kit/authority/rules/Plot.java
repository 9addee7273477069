package org.roundtable.kit.authority.rules;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.Authority;

import static org.roundtable.kit.authority.Authorities.actorOf;

/** Handlers that keep and break the rules on who may send a command, for {@link CommandRulesTest}. */
class Plot {

    @Authority(roles = Role.CITIZEN)
    record Dig(String plotId) {
    }

    @Authority(roles = Role.CITIZEN)
    record Weed(String plotId) {
    }

    @Authority(roles = Role.CITIZEN)
    record Harvest(String plotId) {
    }

    record Sow(String plotId) {
    }

    @CommandHandler
    Plot(Dig command, MetaData metadata) {
        actorOf(command, metadata);
    }

    @CommandHandler
    void handle(Weed command, MetaData metadata) {
        gardener(command, metadata);
    }

    @CommandHandler
    void handle(Harvest command, MetaData metadata) {
    }

    @CommandHandler
    void handle(Sow command, MetaData metadata) {
        actorOf(command, metadata);
    }

    private static Actor gardener(Object command, MetaData metadata) {
        return actorOf(command, metadata);
    }
}
