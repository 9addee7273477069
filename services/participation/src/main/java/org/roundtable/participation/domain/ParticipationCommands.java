package org.roundtable.participation.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.Authority;
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

    /** What the owner tells only the platform: their own name (whatever they consent to show) and, to be contacted, an e-mail address. */
    public record ToldPrivately(String displayName, String contactEmail) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "are the person the profile describes, claiming only roles their token holds")
    public record RegisterProfile(String participantId, ProfileDetails details, ToldPrivately told) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "are the person the profile describes, claiming only roles their token holds")
    public record CorrectProfile(@TargetAggregateIdentifier String participantId, ProfileDetails details, ToldPrivately told) {
    }

    /** The platform, on hearing of a drafted proposal. */
    @Authority(roles = Role.SYSTEM, relationship = "are the platform, on hearing of a drafted proposal")
    public record FollowProposal(@TargetAggregateIdentifier String proposalId, String title, String serviceArea, String authorId) {
    }

    /** The platform, on hearing that someone joined a proposal as co-designer. */
    @Authority(roles = Role.SYSTEM, relationship = "are the platform, on hearing that someone joined a proposal as co-designer")
    public record RecogniseCoDesigner(@TargetAggregateIdentifier String proposalId, String participantId) {
    }

    /** The platform, on hearing that a proposal was submitted. */
    @Authority(roles = Role.SYSTEM, relationship = "are the platform, on hearing that a proposal was submitted")
    public record OpenEndorsements(@TargetAggregateIdentifier String proposalId, String title, String serviceArea,
                                   List<String> coDesignerIds) {
    }

    /** The platform, on hearing that a proposal was decided or withdrawn. */
    @Authority(roles = Role.SYSTEM, relationship = "are the platform, on hearing that a proposal was decided or withdrawn")
    public record CloseEndorsements(@TargetAggregateIdentifier String proposalId, String reason) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "have not endorsed the proposal already, while endorsements are open")
    public record Endorse(@TargetAggregateIdentifier String proposalId, String publicName, String reason) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "endorsed the proposal, while endorsements are open")
    public record WithdrawEndorsement(@TargetAggregateIdentifier String proposalId) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF})
    public record PledgeAsset(@TargetAggregateIdentifier String proposalId, String pledgeId, String publicName, AssetKind kind,
                              String description, Integer hoursPerMonth) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "made the pledge")
    public record WithdrawPledge(@TargetAggregateIdentifier String proposalId, String pledgeId) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "co-design the proposal")
    public record ScheduleWorkshop(@TargetAggregateIdentifier String proposalId, String workshopId, String title, Instant startsAt,
                                   String place, boolean online) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF})
    public record RegisterForWorkshop(@TargetAggregateIdentifier String proposalId, String workshopId, String publicName) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "co-design the proposal")
    public record MarkAttended(@TargetAggregateIdentifier String proposalId, String workshopId, String participantId) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "registered for the workshop, or co-design the proposal")
    public record RecordContribution(@TargetAggregateIdentifier String proposalId, String workshopId, String contributionId,
                                     String publicName, String idea) {
    }

    private ParticipationCommands() {
    }
}
