package org.roundtable.commissioning.integration;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.roundtable.commissioning.domain.CommissioningCommands.CloseOnWithdrawal;
import org.roundtable.commissioning.domain.CommissioningCommands.OpenDecisionCase;
import org.roundtable.commissioning.domain.DecisionCase;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalWithdrawn;
import org.roundtable.kit.inbox.InboxHandler;
import org.springframework.stereotype.Component;

/**
 * Every submitted proposal gets one decision case; a withdrawn proposal's open case closes without a decision, so no
 * money goes to a proposal nobody stands behind.
 */
@Component
public class ProposalsEventsListener {

    private final CommandGateway commands;

    ProposalsEventsListener(CommandGateway commands) {
        this.commands = commands;
    }

    @InboxHandler
    void on(ProposalSubmitted submitted) {
        commands.sendAndWait(new OpenDecisionCase(DecisionCase.caseIdFor(submitted.proposalId()), submitted.proposalId(),
                submitted.content().title(), submitted.content().serviceArea(),
                submitted.content().ask() == null ? null : submitted.content().ask().money()));
    }

    @InboxHandler
    void on(ProposalWithdrawn withdrawn) {
        commands.sendAndWait(new CloseOnWithdrawal(DecisionCase.caseIdFor(withdrawn.proposalId()), withdrawn.reason()));
    }
}
