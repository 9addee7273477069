package org.roundtable.outcomes.query;

import org.roundtable.events.Role;
import org.roundtable.events.outcomes.Direction;
import org.roundtable.events.outcomes.IndicatorReading;
import org.roundtable.events.outcomes.ReviewStatus;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.Money;
import org.roundtable.outcomes.domain.InitiativeStatus;
import org.roundtable.outcomes.domain.Progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything about one initiative: its indicators with their time series and progress, its assets, its reviews. */
public record InitiativeDetail(String id, String proposalId, String caseId, String title, String serviceArea, InitiativeStatus status,
                               Money funding, Provider provider, List<LocalDate> reviewDates, List<Indicator> indicators,
                               List<Report> reports, Assets assets, List<Review> reviews, Instant startedAt, Instant updatedAt) {

    public record Provider(String id, String name) {
    }

    /**
     * An indicator; {@code series} holds the assigned provider's readings in the order of the days observed (a late
     * report lands where its day is; on one day, in the order reported), and {@code latest}, {@code progress} and
     * {@code met} follow from its last point ({@code progress} and {@code met} are {@code null} without a point or
     * while the indicator is not yet defined; see {@link Progress}). {@code livedExperience} is the series citizens and
     * staff reported from their own experience, in the same order, shown beside it and never taken as the latest value.
     */
    public record Indicator(String indicatorId, String name, boolean defined, String unit, BigDecimal baseline, BigDecimal target,
                            Direction direction, List<Point> series, BigDecimal latest, BigDecimal progress, Boolean met,
                            List<Point> livedExperience) {
    }

    public record Point(LocalDate observedOn, LocalDate reportedOn, BigDecimal value, boolean livedExperience, String reportId) {
    }

    public record Report(String reportId, LocalDate observedOn, LocalDate reportedOn, boolean livedExperience, String reporterId,
                         Role reporterRole, String narrative, List<IndicatorReading> readings) {
    }

    /** Assets pledged (expected, and released when withdrawn) beside the assets actually given. */
    public record Assets(List<Pledged> pledged, List<Given> given, int pledgesExpected, int pledgesFulfilled,
                         int pledgedHoursPerMonth, BigDecimal hoursGiven) {
    }

    public record Pledged(String pledgeId, String participantId, String publicName, AssetKind kind, String description,
                          Integer hoursPerMonth, boolean released, boolean fulfilled) {
    }

    public record Given(String mobilisationId, String pledgeId, String participantId, String publicName, AssetKind kind,
                        String description, BigDecimal hours, LocalDate givenOn, String recordedBy, Role recordedAs) {
    }

    public record Review(ReviewStatus status, String reason, String overrideReason, String reviewerId, Instant reviewedAt) {
    }
}
