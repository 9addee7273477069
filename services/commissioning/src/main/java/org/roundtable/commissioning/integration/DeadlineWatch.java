package org.roundtable.commissioning.integration;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.roundtable.commissioning.domain.CommissioningCommands.CloseAtDeadline;
import org.roundtable.commissioning.query.CommissioningQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Closes cases whose deadline has passed. Deadlines live in the database, so one that passed while the service was
 * stopped is found on the first look after it starts again.
 */
@Component
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final CommissioningQueries queries;
    private final CommandGateway commands;
    private final Clock clock;

    DeadlineWatch(CommissioningQueries queries, CommandGateway commands, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${roundtable.commissioning.deadline-check:5s}", fixedDelayString = "${roundtable.commissioning.deadline-check:5s}")
    public void closeDueCases() {
        for (String caseId : queries.dueCases(clock.instant())) {
            try {
                commands.sendAndWait(new CloseAtDeadline(caseId));
            } catch (RuntimeException failure) {
                log.warn("case {} could not be closed at its deadline; trying again at the next look: {}", caseId, failure.getMessage());
            }
        }
    }
}
