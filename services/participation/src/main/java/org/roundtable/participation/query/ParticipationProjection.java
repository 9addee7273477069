package org.roundtable.participation.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.roundtable.events.Role;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.ContributionRecorded;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.events.participation.EndorsementWithdrawn;
import org.roundtable.events.participation.EndorsementsClosed;
import org.roundtable.events.participation.EndorsementsOpened;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.events.participation.ProfileRegistered;
import org.roundtable.events.participation.ProposalFollowed;
import org.roundtable.events.participation.WorkshopAttended;
import org.roundtable.events.participation.WorkshopRegistered;
import org.roundtable.events.participation.WorkshopScheduled;
import org.roundtable.kit.names.Pseudonyms;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the participation read model; rebuildable from the event store by resetting its processor. */
@Component
@ProcessingGroup("participation-views")
public class ParticipationProjection {

    private final ProfileViews profiles;
    private final ActivityViews activities;
    private final ProposalStageViews proposals;
    private final Pseudonyms pseudonyms;

    ParticipationProjection(ProfileViews profiles, ActivityViews activities, ProposalStageViews proposals, Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
        this.profiles = profiles;
        this.activities = activities;
        this.proposals = proposals;
    }

    @EventHandler
    void on(ProfileRegistered event, @Timestamp Instant at) {
        profile(event.participantId(), event.publicName(), event.namedPublicly(), event.roles(), event.neighbourhood(), event.offers(),
                event.livesLocally(), event.usesServices(), event.contactable(), at);
    }

    @EventHandler
    void on(ProfileCorrected event, @Timestamp Instant at) {
        profile(event.participantId(), event.publicName(), event.namedPublicly(), event.roles(), event.neighbourhood(), event.offers(),
                event.livesLocally(), event.usesServices(), event.contactable(), at);
    }

    @EventHandler
    void on(ProposalFollowed event) {
        ProposalStageView view = proposals.findById(event.proposalId()).orElseGet(() -> new ProposalStageView(event.proposalId()));
        view.title = event.title();
        view.serviceArea = event.serviceArea();
        proposals.save(view);
    }

    @EventHandler
    void on(EndorsementsOpened event) {
        ProposalStageView view = proposals.findById(event.proposalId()).orElseGet(() -> new ProposalStageView(event.proposalId()));
        view.title = event.title();
        view.serviceArea = event.serviceArea();
        view.stage = "OPEN";
        proposals.save(view);
    }

    @EventHandler
    void on(EndorsementsClosed event) {
        ProposalStageView view = proposals.findById(event.proposalId()).orElseGet(() -> new ProposalStageView(event.proposalId()));
        view.stage = "CLOSED";
        proposals.save(view);
    }

    @EventHandler
    void on(EndorsementGiven event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        ActivityView endorsement = new ActivityView(eventId,
                ActivityView.Kind.ENDORSEMENT, event.proposalId(), event.participantId(), at);
        endorsement.text = event.reason();
        activities.save(endorsement);
    }

    @EventHandler
    void on(EndorsementWithdrawn event) {
        activities.findByProposalIdOrderByAt(event.proposalId()).stream()
                .filter(a -> a.kind == ActivityView.Kind.ENDORSEMENT && a.active && a.participantId.equals(event.participantId()))
                .forEach(a -> a.active = false);
    }

    @EventHandler
    void on(AssetPledged event, @Timestamp Instant at) {
        ActivityView pledge = new ActivityView(event.pledgeId(), ActivityView.Kind.PLEDGE, event.proposalId(), event.participantId(), at);
        pledge.assetKind = event.kind();
        pledge.text = event.description();
        pledge.hoursPerMonth = event.hoursPerMonth();
        activities.save(pledge);
    }

    @EventHandler
    void on(PledgeWithdrawn event) {
        activities.findById(event.pledgeId()).ifPresent(pledge -> pledge.active = false);
    }

    @EventHandler
    void on(WorkshopScheduled event, org.axonframework.messaging.MetaData metadata, @Timestamp Instant at) {
        String organiser = org.roundtable.kit.actor.ActorMetadata.actorOf(metadata).map(actor -> actor.subjectId()).orElse("unknown");
        ActivityView workshop = new ActivityView(event.workshopId(), ActivityView.Kind.WORKSHOP, event.proposalId(), organiser, at);
        workshop.workshopId = event.workshopId();
        workshop.text = event.title();
        workshop.startsAt = event.startsAt();
        workshop.place = event.place();
        workshop.online = event.online();
        activities.save(workshop);
    }

    @EventHandler
    void on(WorkshopRegistered event, @Timestamp Instant at) {
        ActivityView registration = new ActivityView(event.workshopId() + "/" + event.participantId(), ActivityView.Kind.REGISTRATION,
                event.proposalId(), event.participantId(), at);
        registration.workshopId = event.workshopId();
        activities.save(registration);
    }

    @EventHandler
    void on(WorkshopAttended event) {
        activities.findById(event.workshopId() + "/" + event.participantId()).ifPresent(registration -> registration.attended = true);
    }

    @EventHandler
    void on(ContributionRecorded event, @Timestamp Instant at) {
        ActivityView contribution = new ActivityView(event.contributionId(), ActivityView.Kind.CONTRIBUTION, event.proposalId(),
                event.participantId(), at);
        contribution.workshopId = event.workshopId();
        contribution.text = event.idea();
        activities.save(contribution);
    }

    @ResetHandler
    void reset() {
        activities.deleteAllInBatch();
        proposals.deleteAllInBatch();
        profiles.deleteAllInBatch();
    }

    private void profile(String participantId, String publicName, boolean namedPublicly, List<Role> roles, String neighbourhood,
                         String offers, Boolean livesLocally, Boolean usesServices, boolean contactable, Instant at) {
        ProfileView view = profiles.findById(participantId).orElseGet(() -> new ProfileView(participantId));
        view.pseudonymousId = pseudonyms.idOf(participantId);
        view.publicName = publicName;
        view.namedPublicly = namedPublicly;
        view.roles = roles.stream().map(Role::name).collect(Collectors.joining(","));
        view.neighbourhood = neighbourhood;
        view.offers = offers;
        view.livesLocally = livesLocally;
        view.usesServices = usesServices;
        view.contactable = contactable;
        view.updatedAt = at;
        profiles.save(view);
    }
}
