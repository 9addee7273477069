package org.roundtable.proposals.integration;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.kit.inbox.InboxHandler;
import org.roundtable.proposals.domain.ProposalCommands.MarkUnderDecision;
import org.roundtable.proposals.domain.ProposalCommands.RecordDecision;
import org.springframework.stereotype.Component;

/** Commissioning's decisions move proposals: a case opened puts one under decision, a decision commissions or declines it. */
@Component
public class CommissioningEventsListener {

    private final CommandGateway commands;

    CommissioningEventsListener(CommandGateway commands) {
        this.commands = commands;
    }

    @InboxHandler
    void on(DecisionCaseOpened opened) {
        commands.sendAndWait(new MarkUnderDecision(opened.proposalId(), opened.caseId()));
    }

    @InboxHandler
    void on(DecisionReached decision) {
        commands.sendAndWait(new RecordDecision(decision.proposalId(), decision.caseId(), decision.outcome(), decision.allocation()));
    }
}
