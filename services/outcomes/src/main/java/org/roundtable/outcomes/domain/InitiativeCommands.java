package org.roundtable.outcomes.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.Authority;
import org.roundtable.events.outcomes.Direction;
import org.roundtable.events.outcomes.IndicatorReading;
import org.roundtable.events.outcomes.ReviewStatus;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What people (and the platform) ask of an initiative. Who asks travels in the command's metadata. */
public final class InitiativeCommands {

    /** An asset a participant pledged to the proposal, to be expected from the initiative. */
    public record Pledge(String pledgeId, String participantId, String publicName, AssetKind kind, String description,
                         Integer hoursPerMonth) {
    }

    /**
     * The platform, on learning that a submitted proposal was approved; pledges are those known and not withdrawn;
     * managers are the fund's holders and the panel's commissioners who were not recused.
     */
    @Authority(roles = Role.SYSTEM, relationship = "are the platform, on learning that the proposal was approved")
    public record StartInitiative(@TargetAggregateIdentifier String initiativeId, String proposalId, String caseId, String title,
                                  String serviceArea, Money funding, List<String> intendedOutcomes, List<String> coDesignerIds,
                                  List<Pledge> pledges, List<String> managerIds) {

        public StartInitiative {
            intendedOutcomes = intendedOutcomes == null ? List.of() : List.copyOf(intendedOutcomes);
            coDesignerIds = coDesignerIds == null ? List.of() : List.copyOf(coDesignerIds);
            pledges = pledges == null ? List.of() : List.copyOf(pledges);
            managerIds = managerIds == null ? List.of() : List.copyOf(managerIds);
        }
    }

    @Authority(roles = Role.COMMISSIONER, relationship = MANAGERS)
    public record AssignProvider(@TargetAggregateIdentifier String initiativeId, String providerId, String providerName) {
    }

    /** {@code name} may be left out to keep the draft indicator's name. */
    @Authority(roles = Role.COMMISSIONER, relationship = MANAGERS)
    public record DefineIndicator(@TargetAggregateIdentifier String initiativeId, String indicatorId, String name, String unit,
                                  BigDecimal baseline, BigDecimal target, Direction direction) {
    }

    @Authority(roles = Role.COMMISSIONER, relationship = MANAGERS)
    public record ScheduleReviewDates(@TargetAggregateIdentifier String initiativeId, List<LocalDate> reviewDates) {
    }

    @Authority(roles = Role.PROVIDER, relationship = "are the provider assigned to the initiative")
    public record ReportProgress(@TargetAggregateIdentifier String initiativeId, String reportId, List<IndicatorReading> readings,
                                 String narrative, LocalDate observedOn) {
    }

    /**
     * A citizen's or staff member's own experience of what the initiative changes: a series of its own beside the
     * provider's, never the provider's latest value nor the ground of {@code ACHIEVED}.
     */
    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "speak from their own experience: kept as its own series, "
            + "never the provider's latest value nor the ground of ACHIEVED")
    public record ShareLivedExperience(@TargetAggregateIdentifier String initiativeId, String reportId, List<IndicatorReading> readings,
                                       String narrative, LocalDate observedOn) {
    }

    /** The platform, on hearing of a pledge to the initiative's proposal. */
    @Authority(roles = Role.SYSTEM, relationship = "are the platform, on hearing of a pledge to the proposal")
    public record ExpectContribution(@TargetAggregateIdentifier String initiativeId, Pledge pledge) {
    }

    /** The platform, on hearing that a pledge to the initiative's proposal was withdrawn. */
    @Authority(roles = Role.SYSTEM, relationship = "are the platform, on hearing that a pledge to the proposal was withdrawn")
    public record ReleaseContribution(@TargetAggregateIdentifier String initiativeId, String pledgeId) {
    }

    /**
     * An asset given: {@code pledgeId} names the pledge it fulfils, if any; without one, {@code participantId} names
     * who gave it (the recorder when left out).
     */
    @Authority(roles = {Role.PROVIDER, Role.CITIZEN, Role.STAFF},
            relationship = "are the provider assigned to the initiative (as PROVIDER) or co-designed its proposal (as CITIZEN or STAFF)")
    public record RecordAssetsGiven(@TargetAggregateIdentifier String initiativeId, String mobilisationId, String pledgeId,
                                    String participantId, AssetKind kind, String description, BigDecimal hours, LocalDate givenOn) {
    }

    @Authority(roles = Role.COMMISSIONER, relationship = MANAGERS + "; ACHIEVED rests on the provider's readings alone")
    public record ReviewInitiative(@TargetAggregateIdentifier String initiativeId, ReviewStatus status, String reason,
                                   String overrideReason) {
    }

    static final String MANAGERS = "manage the initiative: hold the fund that paid for it, or sat on the panel that approved it "
            + "and were not recused";

    private InitiativeCommands() {
    }
}
