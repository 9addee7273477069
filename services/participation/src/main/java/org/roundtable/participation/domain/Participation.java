package org.roundtable.participation.domain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.CoDesignerRecognised;
import org.roundtable.events.participation.ContributionRecorded;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.events.participation.EndorsementWithdrawn;
import org.roundtable.events.participation.EndorsementsClosed;
import org.roundtable.events.participation.EndorsementsOpened;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.participation.ProposalFollowed;
import org.roundtable.events.participation.WorkshopAttended;
import org.roundtable.events.participation.WorkshopRegistered;
import org.roundtable.events.participation.WorkshopScheduled;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.Require;
import org.roundtable.kit.domain.RuleViolation;
import org.roundtable.kit.domain.Snapshots;
import org.roundtable.participation.domain.ParticipationCommands.CloseEndorsements;
import org.roundtable.participation.domain.ParticipationCommands.Endorse;
import org.roundtable.participation.domain.ParticipationCommands.FollowProposal;
import org.roundtable.participation.domain.ParticipationCommands.MarkAttended;
import org.roundtable.participation.domain.ParticipationCommands.OpenEndorsements;
import org.roundtable.participation.domain.ParticipationCommands.PledgeAsset;
import org.roundtable.participation.domain.ParticipationCommands.RecogniseCoDesigner;
import org.roundtable.participation.domain.ParticipationCommands.RecordContribution;
import org.roundtable.participation.domain.ParticipationCommands.RegisterForWorkshop;
import org.roundtable.participation.domain.ParticipationCommands.ScheduleWorkshop;
import org.roundtable.participation.domain.ParticipationCommands.WithdrawEndorsement;
import org.roundtable.participation.domain.ParticipationCommands.WithdrawPledge;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.roundtable.kit.authority.Authorities.actorOf;

/**
 * Everything the community does around one proposal: workshops while it is co-designed, endorsements and pledges
 * once it is submitted, until it is decided or withdrawn. Identified by the proposal's id; it learns of the proposal
 * only from the proposals topic.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.EVERY_FEW_EVENTS)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public class Participation {

    enum Stage { CO_DESIGN, OPEN, CLOSED }

    @AggregateIdentifier
    private String proposalId;
    private Stage stage;
    private final Set<String> coDesigners = new HashSet<>();
    private final Set<String> endorsers = new HashSet<>();
    private final Map<String, String> pledgeOwners = new HashMap<>();
    private final Map<String, Set<String>> workshopRegistrations = new HashMap<>();

    protected Participation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(FollowProposal command, MetaData metadata) {
        actorOf(command, metadata);
        if (proposalId == null) {
            apply(new ProposalFollowed(command.proposalId(), command.title(), command.serviceArea(), command.authorId()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecogniseCoDesigner command, MetaData metadata) {
        actorOf(command, metadata);
        if (!coDesigners.contains(command.participantId())) {
            apply(new CoDesignerRecognised(command.proposalId(), command.participantId()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenEndorsements command, MetaData metadata) {
        actorOf(command, metadata);
        if (stage == Stage.OPEN || stage == Stage.CLOSED) {
            return;
        }
        for (String coDesigner : command.coDesignerIds()) {
            if (!coDesigners.contains(coDesigner)) {
                apply(new CoDesignerRecognised(command.proposalId(), coDesigner));
            }
        }
        apply(new EndorsementsOpened(command.proposalId(), command.title(), command.serviceArea()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CloseEndorsements command, MetaData metadata) {
        actorOf(command, metadata);
        if (stage != Stage.CLOSED) {
            apply(new EndorsementsClosed(command.proposalId(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(Endorse command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        requireOpen("endorsed");
        if (endorsers.contains(actor.subjectId())) {
            throw new RuleViolation("you already endorse this proposal");
        }
        apply(new EndorsementGiven(proposalId, actor.subjectId(), Require.text(command.publicName(), "publicName", 80),
                Require.optionalText(command.reason(), "reason", 1000)));
    }

    @CommandHandler
    public void handle(WithdrawEndorsement command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        requireOpen("changed");
        if (!endorsers.contains(actor.subjectId())) {
            throw new RuleViolation("you do not endorse this proposal");
        }
        apply(new EndorsementWithdrawn(proposalId, actor.subjectId()));
    }

    @CommandHandler
    public void handle(PledgeAsset command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        requireOpen("pledged to");
        AssetKind kind = Require.present(command.kind(), "kind");
        Integer hours = command.hoursPerMonth();
        if (kind == AssetKind.TIME) {
            Require.between(hours, "hoursPerMonth", 1, 200);
        } else if (hours != null) {
            throw new InvalidInput("hoursPerMonth", "hoursPerMonth goes with a pledge of TIME");
        }
        String description = kind == AssetKind.TIME ? Require.optionalText(command.description(), "description", 500)
                : Require.text(command.description(), "description", 500);
        apply(new AssetPledged(proposalId, command.pledgeId(), actor.subjectId(), Require.text(command.publicName(), "publicName", 80),
                kind, description, hours));
    }

    @CommandHandler
    public void handle(WithdrawPledge command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        String owner = pledgeOwners.get(command.pledgeId());
        if (owner == null) {
            throw new NotFound("no pledge " + command.pledgeId() + " to this proposal");
        }
        if (!owner.equals(actor.subjectId())) {
            throw new NotPermitted("only the person who pledged withdraws a pledge");
        }
        requireOpen("changed");
        apply(new PledgeWithdrawn(proposalId, command.pledgeId(), actor.subjectId()));
    }

    @CommandHandler
    public void handle(ScheduleWorkshop command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        requireCoDesigner(actor, "schedule workshops");
        requireNotClosed();
        Instant startsAt = Require.instant(command.startsAt(), "startsAt");
        String place = command.online() ? Require.optionalText(command.place(), "place", 300) : Require.text(command.place(), "place", 300);
        apply(new WorkshopScheduled(proposalId, command.workshopId(), Require.text(command.title(), "title", 150), startsAt, place,
                command.online()));
    }

    @CommandHandler
    public void handle(RegisterForWorkshop command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        Set<String> registered = workshop(command.workshopId());
        if (registered.contains(actor.subjectId())) {
            throw new RuleViolation("you are already registered for this workshop");
        }
        apply(new WorkshopRegistered(proposalId, command.workshopId(), actor.subjectId(), Require.text(command.publicName(), "publicName", 80)));
    }

    @CommandHandler
    public void handle(MarkAttended command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        requireCoDesigner(actor, "mark attendance");
        Set<String> registered = workshop(command.workshopId());
        if (!registered.contains(command.participantId())) {
            throw new RuleViolation(command.participantId() + " is not registered for this workshop");
        }
        apply(new WorkshopAttended(proposalId, command.workshopId(), command.participantId()));
    }

    @CommandHandler
    public void handle(RecordContribution command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        Set<String> registered = workshop(command.workshopId());
        if (!registered.contains(actor.subjectId()) && !coDesigners.contains(actor.subjectId())) {
            throw new NotPermitted("contributions come from the workshop's participants");
        }
        apply(new ContributionRecorded(proposalId, command.workshopId(), command.contributionId(), actor.subjectId(),
                Require.text(command.publicName(), "publicName", 80), Require.text(command.idea(), "idea", 2000)));
    }

    private void requireOpen(String action) {
        if (stage == Stage.CO_DESIGN) {
            throw new RuleViolation("the proposal is not submitted yet; it can be " + action + " once it is");
        }
        if (stage == Stage.CLOSED) {
            throw new RuleViolation("the proposal is decided or withdrawn; it can no longer be " + action);
        }
    }

    private void requireNotClosed() {
        if (stage == Stage.CLOSED) {
            throw new RuleViolation("the proposal is decided or withdrawn");
        }
    }

    private void requireCoDesigner(Actor actor, String action) {
        if (!coDesigners.contains(actor.subjectId())) {
            throw new NotPermitted("only the proposal's co-designers " + action);
        }
    }

    private Set<String> workshop(String workshopId) {
        Set<String> registered = workshopRegistrations.get(workshopId);
        if (registered == null) {
            throw new NotFound("no workshop " + workshopId + " for this proposal");
        }
        return registered;
    }

    @EventSourcingHandler
    void on(ProposalFollowed event) {
        proposalId = event.proposalId();
        stage = Stage.CO_DESIGN;
        coDesigners.add(event.authorId());
    }

    @EventSourcingHandler
    void on(CoDesignerRecognised event) {
        proposalId = event.proposalId();
        if (stage == null) {
            stage = Stage.CO_DESIGN;
        }
        coDesigners.add(event.participantId());
    }

    @EventSourcingHandler
    void on(EndorsementsOpened event) {
        proposalId = event.proposalId();
        stage = Stage.OPEN;
    }

    @EventSourcingHandler
    void on(EndorsementsClosed event) {
        proposalId = event.proposalId();
        stage = Stage.CLOSED;
    }

    @EventSourcingHandler
    void on(EndorsementGiven event) {
        endorsers.add(event.participantId());
    }

    @EventSourcingHandler
    void on(EndorsementWithdrawn event) {
        endorsers.remove(event.participantId());
    }

    @EventSourcingHandler
    void on(AssetPledged event) {
        pledgeOwners.put(event.pledgeId(), event.participantId());
    }

    @EventSourcingHandler
    void on(PledgeWithdrawn event) {
        pledgeOwners.remove(event.pledgeId());
    }

    @EventSourcingHandler
    void on(WorkshopScheduled event) {
        workshopRegistrations.put(event.workshopId(), new HashSet<>());
    }

    @EventSourcingHandler
    void on(WorkshopRegistered event) {
        workshopRegistrations.get(event.workshopId()).add(event.participantId());
    }
}
