package org.roundtable.proposals.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.proposals.CoDesignerInvited;
import org.roundtable.events.proposals.CoDesignerJoined;
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalDeclined;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalStatus;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalUnderDecision;
import org.roundtable.events.proposals.ProposalWithdrawn;
import org.roundtable.kit.actor.ActorMetadata;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Builds the proposals read model from the proposal events. It runs on a tracking processor, so it can be rebuilt
 * from the event store at any time: reset the processor and the tables are emptied and filled again.
 */
@Component
@ProcessingGroup("proposal-views")
public class ProposalProjection {

    private final ProposalViews proposals;
    private final RevisionViews revisions;
    private final CoDesignerViews coDesigners;
    private final StatusChangeViews statusChanges;
    private final ObjectMapper json;

    ProposalProjection(ProposalViews proposals, RevisionViews revisions, CoDesignerViews coDesigners,
                       StatusChangeViews statusChanges, @Qualifier("eventJson") ObjectMapper json) {
        this.proposals = proposals;
        this.revisions = revisions;
        this.coDesigners = coDesigners;
        this.statusChanges = statusChanges;
        this.json = json;
    }

    @EventHandler
    void on(ProposalDrafted event, MetaData metadata, @Timestamp Instant at) {
        ProposalView view = new ProposalView(event.proposalId(), event.authorId(), event.authorRole(), at);
        revise(view, 1, event.content(), at);
        proposals.save(view);
        revisions.save(new RevisionView(event.proposalId(), 1, write(event.content()), event.authorId(), event.authorRole(), null, at));
        CoDesignerView author = new CoDesignerView(event.proposalId(), event.authorId());
        author.joined(event.authorRole(), "author", at);
        coDesigners.save(author);
        statusChanges.save(new StatusChangeView(event.proposalId(), ProposalStatus.reachedBy(event), event.authorId(), event.authorRole(), null, null, at));
    }

    @EventHandler
    void on(CoDesignerInvited event, @Timestamp Instant at) {
        CoDesignerView invitee = new CoDesignerView(event.proposalId(), event.inviteeId());
        invitee.invited(at);
        coDesigners.save(invitee);
    }

    @EventHandler
    void on(CoDesignerJoined event, @Timestamp Instant at) {
        CoDesignerView coDesigner = coDesigners.findByProposalIdAndParticipantId(event.proposalId(), event.coDesigner().participantId())
                .orElseGet(() -> new CoDesignerView(event.proposalId(), event.coDesigner().participantId()));
        coDesigner.joined(event.coDesigner().role(), event.coDesigner().brings(), at);
        coDesigners.save(coDesigner);
        proposals.findById(event.proposalId()).ifPresent(view -> view.coDesignerJoined(at));
    }

    @EventHandler
    void on(ProposalAmended event, MetaData metadata, @Timestamp Instant at) {
        Actor actor = actor(metadata);
        proposals.findById(event.proposalId()).ifPresent(view -> revise(view, event.revision(), event.content(), at));
        revisions.save(new RevisionView(event.proposalId(), event.revision(), write(event.content()), actor.subjectId(), actor.role(),
                event.note(), at));
    }

    @EventHandler
    void on(ProposalSubmitted event, MetaData metadata, @Timestamp Instant at) {
        changeStatus(event.proposalId(), ProposalStatus.reachedBy(event), metadata, null, null, at);
    }

    @EventHandler
    void on(ProposalWithdrawn event, MetaData metadata, @Timestamp Instant at) {
        changeStatus(event.proposalId(), ProposalStatus.reachedBy(event), metadata, event.reason(), null, at);
    }

    @EventHandler
    void on(ProposalUnderDecision event, MetaData metadata, @Timestamp Instant at) {
        proposals.findById(event.proposalId()).ifPresent(view -> view.caseOpened(event.caseId()));
        changeStatus(event.proposalId(), ProposalStatus.reachedBy(event), metadata, null, event.caseId(), at);
    }

    @EventHandler
    void on(ProposalCommissioned event, MetaData metadata, @Timestamp Instant at) {
        proposals.findById(event.proposalId()).ifPresent(view -> {
            if (event.allocated() != null) {
                view.allocated(event.allocated().amount(), event.allocated().currency());
            }
        });
        changeStatus(event.proposalId(), ProposalStatus.reachedBy(event), metadata, null, event.caseId(), at);
    }

    @EventHandler
    void on(ProposalDeclined event, MetaData metadata, @Timestamp Instant at) {
        changeStatus(event.proposalId(), ProposalStatus.reachedBy(event), metadata, null, event.caseId(), at);
    }

    @ResetHandler
    void reset() {
        statusChanges.deleteAllInBatch();
        coDesigners.deleteAllInBatch();
        revisions.deleteAllInBatch();
        proposals.deleteAllInBatch();
    }

    private void changeStatus(String proposalId, ProposalStatus status, MetaData metadata, String reason, String caseId, Instant at) {
        Actor actor = actor(metadata);
        proposals.findById(proposalId).ifPresent(view -> view.status(status, at));
        statusChanges.save(new StatusChangeView(proposalId, status, actor.subjectId(), actor.role(), reason, caseId, at));
    }

    private static void revise(ProposalView view, int revision, ProposalContent content, Instant at) {
        view.revise(revision, content.title(), content.aspiration(), content.serviceArea(), at);
    }

    private static Actor actor(MetaData metadata) {
        return ActorMetadata.actorOf(metadata).orElse(new Actor("unknown", Role.SYSTEM, null));
    }

    private String write(ProposalContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("cannot write a proposal revision as JSON", unwritable);
        }
    }
}
