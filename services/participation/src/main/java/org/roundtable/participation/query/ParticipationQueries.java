package org.roundtable.participation.query;

import org.roundtable.events.proposals.AssetKind;
import org.roundtable.kit.names.Pseudonyms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the participation read model. Every name in an answer is the person's public name now: their own with
 * consent, otherwise their pseudonym; contact details are never part of an answer.
 */
@Service
@Transactional(readOnly = true)
public class ParticipationQueries {

    /** {@code participantId} is their login id only while they consent to be named; otherwise their pseudonymous id. */
    public record PublicProfile(String participantId, String name, boolean namedPublicly, List<String> roles, String neighbourhood, String offers,
                                Boolean livesLocally, Boolean usesServices) {
    }

    public record Endorsement(String name, String reason, Instant at) {
    }

    public record Pledge(String id, String name, AssetKind kind, String description, Integer hoursPerMonth, Instant at) {
    }

    public record PledgeTotals(int pledges, int hoursPerMonth, int skills, int places, int other) {
    }

    public record Contribution(String name, String idea, Instant at) {
    }

    public record Workshop(String id, String title, Instant startsAt, String place, boolean online, String organiser,
                           int registered, int attended, List<String> attendees, List<Contribution> contributions) {
    }

    public record ProposalParticipation(String proposalId, String title, String stage, int endorsementCount,
                                        List<Endorsement> endorsements, PledgeTotals pledgeTotals, List<Pledge> pledges,
                                        List<Workshop> workshops) {
    }

    public record Activity(String kind, String proposalId, String workshopId, String text, AssetKind assetKind,
                           Integer hoursPerMonth, boolean active, Instant at) {
    }

    private final ProfileViews profiles;
    private final ActivityViews activities;
    private final ProposalStageViews proposals;
    private final Pseudonyms pseudonyms;

    ParticipationQueries(ProfileViews profiles, ActivityViews activities, ProposalStageViews proposals, Pseudonyms pseudonyms) {
        this.profiles = profiles;
        this.activities = activities;
        this.proposals = proposals;
        this.pseudonyms = pseudonyms;
    }

    /**
     * Someone's public profile as {@code viewer} may see it: asked for by their pseudonymous id, or by their login id
     * while they consent to be named. Asked for by the login id of someone who does not consent, there is none (unless
     * they ask for their own), so a login id never leads to a pseudonym.
     */
    public Optional<PublicProfile> profile(String id, String viewer) {
        Optional<ProfileView> byLogin = profiles.findById(id).filter(view -> view.isNamedPublicly() || id.equals(viewer));
        return byLogin.or(() -> profiles.findByPseudonymousId(id)).map(view -> new PublicProfile(
                view.isNamedPublicly() || view.getParticipantId().equals(viewer) ? view.getParticipantId() : pseudonyms.idOf(view.getParticipantId()),
                view.getPublicName(), view.isNamedPublicly(), List.of(view.getRoles().split(",")), view.getNeighbourhood(), view.getOffers(),
                view.getLivesLocally(), view.getUsesServices()));
    }

    /** The public name of each participant: from their profile, or their pseudonym when they have none. */
    public Map<String, String> publicNames(Collection<String> participantIds) {
        Map<String, String> names = profiles.findByParticipantIdIn(new HashSet<>(participantIds)).stream()
                .collect(Collectors.toMap(ProfileView::getParticipantId, ProfileView::getPublicName));
        participantIds.forEach(id -> names.computeIfAbsent(id, pseudonyms::of));
        return names;
    }

    public String publicName(String participantId) {
        return publicNames(List.of(participantId)).get(participantId);
    }

    public Optional<ProposalParticipation> forProposal(String proposalId) {
        return proposals.findById(proposalId).map(proposal -> {
            List<ActivityView> all = activities.findByProposalIdOrderByAt(proposalId);
            Map<String, String> names = publicNames(all.stream().map(ActivityView::getParticipantId).collect(Collectors.toSet()));
            List<Endorsement> endorsements = all.stream().filter(a -> a.getKind() == ActivityView.Kind.ENDORSEMENT && a.isActive())
                    .map(a -> new Endorsement(names.get(a.getParticipantId()), a.getText(), a.getAt())).toList();
            List<Pledge> pledges = all.stream().filter(a -> a.getKind() == ActivityView.Kind.PLEDGE && a.isActive())
                    .map(a -> new Pledge(a.getId(), names.get(a.getParticipantId()), a.getAssetKind(), a.getText(), a.getHoursPerMonth(), a.getAt()))
                    .toList();
            PledgeTotals totals = new PledgeTotals(pledges.size(),
                    pledges.stream().filter(p -> p.kind() == AssetKind.TIME).mapToInt(Pledge::hoursPerMonth).sum(),
                    (int) pledges.stream().filter(p -> p.kind() == AssetKind.SKILL).count(),
                    (int) pledges.stream().filter(p -> p.kind() == AssetKind.PLACE).count(),
                    (int) pledges.stream().filter(p -> p.kind() != AssetKind.TIME && p.kind() != AssetKind.SKILL && p.kind() != AssetKind.PLACE).count());
            List<Workshop> workshops = all.stream().filter(a -> a.getKind() == ActivityView.Kind.WORKSHOP)
                    .map(w -> workshop(w, all, names)).toList();
            return new ProposalParticipation(proposalId, proposal.getTitle(), proposal.getStage(), endorsements.size(), endorsements,
                    totals, pledges, workshops);
        });
    }

    public List<Activity> activityOf(String participantId) {
        return activities.findByParticipantIdOrderByAt(participantId).stream()
                .map(a -> new Activity(a.getKind().name(), a.getProposalId(), a.getWorkshopId(), a.getText(), a.getAssetKind(),
                        a.getHoursPerMonth(), a.isActive(), a.getAt()))
                .toList();
    }

    private static Workshop workshop(ActivityView workshop, List<ActivityView> all, Map<String, String> names) {
        Function<ActivityView, Boolean> ofThis = a -> workshop.getWorkshopId().equals(a.getWorkshopId());
        List<ActivityView> registrations = all.stream()
                .filter(a -> a.getKind() == ActivityView.Kind.REGISTRATION && ofThis.apply(a)).toList();
        Set<String> attended = registrations.stream().filter(ActivityView::isAttended).map(ActivityView::getParticipantId)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<Contribution> contributions = all.stream().filter(a -> a.getKind() == ActivityView.Kind.CONTRIBUTION && ofThis.apply(a))
                .map(a -> new Contribution(names.get(a.getParticipantId()), a.getText(), a.getAt())).toList();
        return new Workshop(workshop.getWorkshopId(), workshop.getText(), workshop.getStartsAt(), workshop.getPlace(), workshop.isOnline(),
                names.get(workshop.getParticipantId()), registrations.size(), attended.size(),
                attended.stream().map(names::get).toList(), contributions);
    }
}
