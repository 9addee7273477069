package org.roundtable.proposals.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.CoDesignerInvited;
import org.roundtable.events.proposals.CoDesignerJoined;
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalDeclined;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalStatus;
import org.roundtable.events.proposals.ProposalStatusChange;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalUnderDecision;
import org.roundtable.events.proposals.ProposalWithdrawn;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.Require;
import org.roundtable.kit.domain.RuleViolation;
import org.roundtable.proposals.domain.ProposalCommands.AmendProposal;
import org.roundtable.proposals.domain.ProposalCommands.DraftProposal;
import org.roundtable.proposals.domain.ProposalCommands.InviteCoDesigner;
import org.roundtable.proposals.domain.ProposalCommands.JoinAsCoDesigner;
import org.roundtable.proposals.domain.ProposalCommands.MarkUnderDecision;
import org.roundtable.proposals.domain.ProposalCommands.RecordDecision;
import org.roundtable.proposals.domain.ProposalCommands.SubmitProposal;
import org.roundtable.proposals.domain.ProposalCommands.WithdrawProposal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.roundtable.kit.authority.Authorities.actorOf;

/**
 * A change to a public service, framed by what the community already has, shaped by its co-designers. Every refusal
 * happens before an event is applied, so it leaves nothing behind.
 */
@Aggregate
public class Proposal {

    @AggregateIdentifier
    private String proposalId;
    private String authorId;
    private ProposalStatus status;
    private int revision;
    private ProposalContent content;
    private final Map<String, CoDesigner> coDesigners = new LinkedHashMap<>();
    private final Set<String> invited = new HashSet<>();

    protected Proposal() {
    }

    @CommandHandler
    public Proposal(DraftProposal command, MetaData metadata) {
        Actor author = actorOf(command, metadata);
        apply(new ProposalDrafted(command.proposalId(), author.subjectId(), author.role(), ProposalRules.content(command.content())));
    }

    @CommandHandler
    public void handle(InviteCoDesigner command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        if (!actor.subjectId().equals(authorId)) {
            throw new NotPermitted("only the author invites co-designers");
        }
        requireDraft();
        String invitee = Require.text(command.inviteeId(), "inviteeId", 200);
        if (coDesigners.containsKey(invitee)) {
            throw new RuleViolation(invitee + " is already a co-designer");
        }
        if (invited.contains(invitee)) {
            throw new RuleViolation(invitee + " is already invited");
        }
        apply(new CoDesignerInvited(proposalId, invitee));
    }

    @CommandHandler
    public void handle(JoinAsCoDesigner command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        requireDraft();
        if (coDesigners.containsKey(actor.subjectId())) {
            throw new RuleViolation("you are already a co-designer");
        }
        if (!invited.contains(actor.subjectId())) {
            throw new NotPermitted("only people the author invited join as co-designers");
        }
        String brings = Require.text(command.brings(), "brings", ProposalRules.SHORT_TEXT_MAX);
        apply(new CoDesignerJoined(proposalId, new CoDesigner(actor.subjectId(), actor.role(), brings)));
    }

    @CommandHandler
    public void handle(AmendProposal command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        requireCoDesigner(actor, "amend");
        requireDraft();
        ProposalContent amended = ProposalRules.content(command.content());
        String note = Require.text(command.note(), "note", ProposalRules.NOTE_MAX);
        apply(new ProposalAmended(proposalId, revision + 1, amended, note));
    }

    @CommandHandler
    public void handle(SubmitProposal command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        requireCoDesigner(actor, "submit");
        requireDraft();
        if (content.assets().isEmpty()) {
            throw new RuleViolation("a proposal is submitted with at least one asset it builds on");
        }
        if (content.intendedOutcomes().isEmpty()) {
            throw new RuleViolation("a proposal is submitted with at least one intended outcome");
        }
        if (coDesigners.size() < 2) {
            throw new RuleViolation("a proposal is submitted with at least one co-designer besides its author");
        }
        apply(new ProposalSubmitted(proposalId, revision, content, new ArrayList<>(coDesigners.values())));
    }

    @CommandHandler
    public void handle(WithdrawProposal command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        requireCoDesigner(actor, "withdraw");
        if (!status.isOpen()) {
            throw new RuleViolation("the proposal is " + status + "; only an open proposal can be withdrawn");
        }
        apply(new ProposalWithdrawn(proposalId, Require.optionalText(command.reason(), "reason", ProposalRules.NOTE_MAX)));
    }

    /** A case opened for a proposal that is no longer waiting for one (withdrawn meanwhile) changes nothing. */
    @CommandHandler
    public void handle(MarkUnderDecision command, MetaData metadata) {
        actorOf(command, metadata);
        if (status == ProposalStatus.SUBMITTED) {
            apply(new ProposalUnderDecision(proposalId, command.caseId()));
        }
    }

    /**
     * Approval commissions, rejection declines; a decision without quorum decided nothing, so the proposal stays
     * under decision. A decision for a proposal already decided or withdrawn changes nothing.
     */
    @CommandHandler
    public void handle(RecordDecision command, MetaData metadata) {
        actorOf(command, metadata);
        if (status != ProposalStatus.SUBMITTED && status != ProposalStatus.UNDER_DECISION) {
            return;
        }
        switch (command.outcome()) {
            case APPROVED -> apply(new ProposalCommissioned(proposalId, command.caseId(),
                    command.allocation() == null ? null : command.allocation().amount()));
            case REJECTED -> apply(new ProposalDeclined(proposalId, command.caseId()));
            case NO_QUORUM -> {
            }
        }
    }

    private void requireDraft() {
        if (status != ProposalStatus.DRAFT) {
            throw new RuleViolation("the proposal is " + status + "; only a draft changes, a submitted proposal is frozen");
        }
    }

    private void requireCoDesigner(Actor actor, String action) {
        if (!coDesigners.containsKey(actor.subjectId())) {
            throw new NotPermitted("only co-designers " + action + " a proposal");
        }
    }

    @EventSourcingHandler
    void on(ProposalDrafted event) {
        proposalId = event.proposalId();
        authorId = event.authorId();
        status = ProposalStatus.reachedBy(event);
        revision = 1;
        content = event.content();
        coDesigners.put(event.authorId(), new CoDesigner(event.authorId(), event.authorRole(), "author"));
    }

    @EventSourcingHandler
    void on(CoDesignerInvited event) {
        invited.add(event.inviteeId());
    }

    @EventSourcingHandler
    void on(CoDesignerJoined event) {
        invited.remove(event.coDesigner().participantId());
        coDesigners.put(event.coDesigner().participantId(), event.coDesigner());
    }

    @EventSourcingHandler
    void on(ProposalAmended event) {
        revision = event.revision();
        content = event.content();
    }

    /** Submission, withdrawal, going under decision and its outcome change the status alone. */
    @EventSourcingHandler
    void on(ProposalStatusChange event) {
        status = ProposalStatus.reachedBy(event);
    }
}
