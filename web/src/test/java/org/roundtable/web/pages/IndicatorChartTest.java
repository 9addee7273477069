package org.roundtable.web.pages;

import org.junit.jupiter.api.Test;
import org.roundtable.events.outcomes.Direction;
import org.roundtable.web.services.Api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorChartTest {

    private static Api.Point point(String day, int value, boolean lived) {
        return new Api.Point(LocalDate.parse(day), LocalDate.parse(day), BigDecimal.valueOf(value), lived, "r");
    }

    private static Api.Indicator indicator(List<Api.Point> series, List<Api.Point> lived) {
        return new Api.Indicator("i", "Young people", true, "a month", BigDecimal.ZERO, BigDecimal.valueOf(40), Direction.HIGHER_IS_BETTER,
                series, BigDecimal.valueOf(14), null, false, lived);
    }

    @Test
    void valuesAreDrawnBetweenTheBaselineAndTheTargetOnTicksPeopleReadAtAGlance() {
        IndicatorChart chart = IndicatorChart.of(indicator(List.of(point("2026-11-01", 14, false), point("2026-12-01", 22, false)),
                List.of(point("2026-11-15", 9, true))));

        assertThat(chart.valueTicks()).extracting(IndicatorChart.Tick::label).containsExactly("0", "10", "20", "30", "40");
        assertThat(chart.baselineY()).isEqualTo(chart.bottom());
        assertThat(chart.targetY()).isLessThan(chart.baselineY());
        assertThat(chart.providerDots()).hasSize(2).allSatisfy(dot -> assertThat(dot.y()).isBetween(chart.targetY(), chart.baselineY()));
        assertThat(chart.providerDots().get(1).x()).as("later days further right").isGreaterThan(chart.providerDots().get(0).x());
        assertThat(chart.providerDots().get(1).y()).as("higher values higher up").isLessThan(chart.providerDots().get(0).y());
        assertThat(chart.livedDots()).singleElement().satisfies(dot -> assertThat(dot.x())
                .isBetween(chart.providerDots().get(0).x(), chart.providerDots().get(1).x()));
        assertThat(chart.providerLine()).isEqualTo(chart.providerDots().get(0).x() + "," + chart.providerDots().get(0).y() + " "
                + chart.providerDots().get(1).x() + "," + chart.providerDots().get(1).y());
        assertThat(chart.dayTicks()).extracting(IndicatorChart.Tick::label).containsExactly("2026-11-01", "2026-11-15", "2026-12-01");
    }

    @Test
    void aSingleDayIsDrawnInTheMiddleAndAnIndicatorWithoutReadingsStillHasItsScale() {
        IndicatorChart one = IndicatorChart.of(indicator(List.of(point("2026-11-01", 14, false)), List.of()));
        assertThat(one.providerDots().get(0).x()).isEqualTo((one.left() + one.right()) / 2);
        assertThat(one.livedLine()).isEmpty();

        IndicatorChart none = IndicatorChart.of(indicator(List.of(), List.of()));
        assertThat(none.providerDots()).isEmpty();
        assertThat(none.valueTicks()).isNotEmpty();
    }
}
