package org.roundtable.outcomes.api;

import org.roundtable.events.outcomes.Direction;
import org.roundtable.events.outcomes.IndicatorReading;
import org.roundtable.events.outcomes.ReviewStatus;
import org.roundtable.events.proposals.AssetKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the outcomes API. */
public final class OutcomeRequests {

    public record ProviderAssignment(String providerId, String providerName) {
    }

    /** Leave {@code name} out to keep the name taken from the intended outcome. */
    public record IndicatorDefinition(String name, String unit, BigDecimal baseline, BigDecimal target, Direction direction) {
    }

    public record ReviewDates(List<LocalDate> reviewDates) {
    }

    /** {@code observedOn} is the day the values describe; the day it is reported on is today, set by the service. */
    public record ProgressReport(List<IndicatorReading> readings, String narrative, LocalDate observedOn) {
    }

    /** {@code pledgeId} names the pledge fulfilled, if any; otherwise {@code participantId} who gave (you, when left out). */
    public record AssetsGiven(String pledgeId, String participantId, AssetKind kind, String description, BigDecimal hours,
                              LocalDate givenOn) {
    }

    public record Review(ReviewStatus status, String reason, String overrideReason) {
    }

    public record Created(String id) {
    }

    private OutcomeRequests() {
    }
}
