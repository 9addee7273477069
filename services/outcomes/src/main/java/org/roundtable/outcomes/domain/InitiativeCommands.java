package org.roundtable.outcomes.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
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

    /** The platform, on learning that a submitted proposal was approved; pledges are those known and not withdrawn. */
    public record StartInitiative(@TargetAggregateIdentifier String initiativeId, String proposalId, String caseId, String title,
                                  String serviceArea, Money funding, List<String> intendedOutcomes, List<String> coDesignerIds,
                                  List<Pledge> pledges) {

        public StartInitiative {
            intendedOutcomes = intendedOutcomes == null ? List.of() : List.copyOf(intendedOutcomes);
            coDesignerIds = coDesignerIds == null ? List.of() : List.copyOf(coDesignerIds);
            pledges = pledges == null ? List.of() : List.copyOf(pledges);
        }
    }

    public record AssignProvider(@TargetAggregateIdentifier String initiativeId, String providerId, String providerName) {
    }

    /** {@code name} may be left out to keep the draft indicator's name. */
    public record DefineIndicator(@TargetAggregateIdentifier String initiativeId, String indicatorId, String name, String unit,
                                  BigDecimal baseline, BigDecimal target, Direction direction) {
    }

    public record ScheduleReviewDates(@TargetAggregateIdentifier String initiativeId, List<LocalDate> reviewDates) {
    }

    public record ReportProgress(@TargetAggregateIdentifier String initiativeId, String reportId, List<IndicatorReading> readings,
                                 String narrative, LocalDate observedOn) {
    }

    /** The platform, on hearing of a pledge to the initiative's proposal. */
    public record ExpectContribution(@TargetAggregateIdentifier String initiativeId, Pledge pledge) {
    }

    /** The platform, on hearing that a pledge to the initiative's proposal was withdrawn. */
    public record ReleaseContribution(@TargetAggregateIdentifier String initiativeId, String pledgeId) {
    }

    /**
     * An asset given: {@code pledgeId} names the pledge it fulfils, if any; without one, {@code participantId} names
     * who gave it (the recorder when left out).
     */
    public record RecordAssetsGiven(@TargetAggregateIdentifier String initiativeId, String mobilisationId, String pledgeId,
                                    String participantId, AssetKind kind, String description, BigDecimal hours, LocalDate givenOn) {
    }

    public record ReviewInitiative(@TargetAggregateIdentifier String initiativeId, ReviewStatus status, String reason,
                                   String overrideReason) {
    }

    private InitiativeCommands() {
    }
}
