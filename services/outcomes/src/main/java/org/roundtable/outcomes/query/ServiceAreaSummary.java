package org.roundtable.outcomes.query;

import org.roundtable.events.proposals.Money;
import org.roundtable.outcomes.domain.InitiativeStatus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What grows in one service area: its initiatives by status, their funding (per currency), how their indicators
 * stand ({@code averageProgress} over the defined indicators that have a reading), how many reports came from lived
 * experience, and the assets pledged beside those given.
 */
public record ServiceAreaSummary(String serviceArea, int initiatives, Map<InitiativeStatus, Integer> byStatus, List<Money> funding,
                                 int indicatorsDefined, int indicatorsWithReadings, int indicatorsMet, BigDecimal averageProgress,
                                 int reports, int livedExperienceReports, int pledgesExpected, int pledgesFulfilled,
                                 int assetsGiven, BigDecimal hoursGiven) {
}
