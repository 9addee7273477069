package org.roundtable.participation.integration;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.CoDesignerJoined;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalDeclined;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalWithdrawn;
import org.roundtable.kit.inbox.InboxHandler;
import org.roundtable.participation.domain.ParticipationCommands.CloseEndorsements;
import org.roundtable.participation.domain.ParticipationCommands.FollowProposal;
import org.roundtable.participation.domain.ParticipationCommands.OpenEndorsements;
import org.roundtable.participation.domain.ParticipationCommands.RecogniseCoDesigner;
import org.springframework.stereotype.Component;

/** The life of proposals, as the proposals service tells it, opens and closes participation around them. */
@Component
public class ProposalsEventsListener {

    private final CommandGateway commands;

    ProposalsEventsListener(CommandGateway commands) {
        this.commands = commands;
    }

    @InboxHandler
    void on(ProposalDrafted drafted) {
        commands.sendAndWait(new FollowProposal(drafted.proposalId(), drafted.content().title(), drafted.content().serviceArea(),
                drafted.authorId()));
    }

    @InboxHandler
    void on(CoDesignerJoined joined) {
        commands.sendAndWait(new RecogniseCoDesigner(joined.proposalId(), joined.coDesigner().participantId()));
    }

    @InboxHandler
    void on(ProposalSubmitted submitted) {
        commands.sendAndWait(new OpenEndorsements(submitted.proposalId(), submitted.content().title(), submitted.content().serviceArea(),
                submitted.coDesigners().stream().map(CoDesigner::participantId).toList()));
    }

    @InboxHandler
    void on(ProposalWithdrawn withdrawn) {
        commands.sendAndWait(new CloseEndorsements(withdrawn.proposalId(), "withdrawn"));
    }

    @InboxHandler
    void on(ProposalCommissioned commissioned) {
        commands.sendAndWait(new CloseEndorsements(commissioned.proposalId(), "commissioned"));
    }

    @InboxHandler
    void on(ProposalDeclined declined) {
        commands.sendAndWait(new CloseEndorsements(declined.proposalId(), "declined"));
    }
}
