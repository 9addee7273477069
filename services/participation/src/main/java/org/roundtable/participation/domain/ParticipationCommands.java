package org.roundtable.participation.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.roundtable.events.Role;
import org.roundtable.events.proposals.AssetKind;

import java.time.Instant;
import java.util.List;

/** What people (and the platform) ask of profiles and of the participation around a proposal. */
public final class ParticipationCommands {

    /** A profile as its owner states it; {@code publicName} is their own name with consent, otherwise their pseudonym. */
    public record ProfileDetails(String publicName, boolean namedPublicly, List<Role> roles, String neighbourhood, String offers,
                                 Boolean livesLocally, Boolean usesServices, boolean contactable) {
    }

    public record RegisterProfile(String participantId, ProfileDetails details) {
    }

    public record CorrectProfile(@TargetAggregateIdentifier String participantId, ProfileDetails details) {
    }

    /** The platform, on hearing of a drafted proposal. */
    public record FollowProposal(@TargetAggregateIdentifier String proposalId, String title, String serviceArea, String authorId) {
    }

    /** The platform, on hearing that someone joined a proposal as co-designer. */
    public record RecogniseCoDesigner(@TargetAggregateIdentifier String proposalId, String participantId) {
    }

    /** The platform, on hearing that a proposal was submitted. */
    public record OpenEndorsements(@TargetAggregateIdentifier String proposalId, String title, String serviceArea,
                                   List<String> coDesignerIds) {
    }

    /** The platform, on hearing that a proposal was decided or withdrawn. */
    public record CloseEndorsements(@TargetAggregateIdentifier String proposalId, String reason) {
    }

    public record Endorse(@TargetAggregateIdentifier String proposalId, String publicName, String reason) {
    }

    public record WithdrawEndorsement(@TargetAggregateIdentifier String proposalId) {
    }

    public record PledgeAsset(@TargetAggregateIdentifier String proposalId, String pledgeId, String publicName, AssetKind kind,
                              String description, Integer hoursPerMonth) {
    }

    public record WithdrawPledge(@TargetAggregateIdentifier String proposalId, String pledgeId) {
    }

    public record ScheduleWorkshop(@TargetAggregateIdentifier String proposalId, String workshopId, String title, Instant startsAt,
                                   String place, boolean online) {
    }

    public record RegisterForWorkshop(@TargetAggregateIdentifier String proposalId, String workshopId, String publicName) {
    }

    public record MarkAttended(@TargetAggregateIdentifier String proposalId, String workshopId, String participantId) {
    }

    public record RecordContribution(@TargetAggregateIdentifier String proposalId, String workshopId, String contributionId,
                                     String publicName, String idea) {
    }

    private ParticipationCommands() {
    }
}
