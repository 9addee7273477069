package org.roundtable.outcomes.domain;

import org.junit.jupiter.api.Test;
import org.roundtable.events.outcomes.Direction;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.events.outcomes.Direction.HIGHER_IS_BETTER;
import static org.roundtable.events.outcomes.Direction.LOWER_IS_BETTER;

class ProgressTest {

    static Progress progress(String baseline, String target, Direction direction, String latest) {
        return Progress.toward(new BigDecimal(baseline), new BigDecimal(target), direction, new BigDecimal(latest));
    }

    @Test
    void higherIsBetterIsTheShareOfTheWayFromBaselineToTarget() {
        assertThat(progress("10", "30", HIGHER_IS_BETTER, "15").fraction()).isEqualByComparingTo("0.25");
        assertThat(progress("10", "30", HIGHER_IS_BETTER, "15").met()).isFalse();
        assertThat(progress("10", "30", HIGHER_IS_BETTER, "10").fraction()).isEqualByComparingTo("0");
        assertThat(progress("10", "30", HIGHER_IS_BETTER, "30").fraction()).isEqualByComparingTo("1");
        assertThat(progress("10", "30", HIGHER_IS_BETTER, "30").met()).isTrue();
        assertThat(progress("0", "3", HIGHER_IS_BETTER, "1").fraction()).isEqualByComparingTo("0.3333");
    }

    @Test
    void lowerIsBetterCountsTheFallAsProgress() {
        assertThat(progress("40", "20", LOWER_IS_BETTER, "35").fraction()).isEqualByComparingTo("0.25");
        assertThat(progress("40", "20", LOWER_IS_BETTER, "20").met()).isTrue();
        assertThat(progress("40", "20", LOWER_IS_BETTER, "21").met()).isFalse();
        assertThat(progress("40", "20", LOWER_IS_BETTER, "45").fraction()).isEqualByComparingTo("0");
    }

    @Test
    void beyondTheTargetIsClampedToOneAndTheWrongWayToZero() {
        assertThat(progress("10", "30", HIGHER_IS_BETTER, "50").fraction()).isEqualByComparingTo("1");
        assertThat(progress("10", "30", HIGHER_IS_BETTER, "50").met()).isTrue();
        assertThat(progress("10", "30", HIGHER_IS_BETTER, "2").fraction()).isEqualByComparingTo("0");
        assertThat(progress("10", "30", HIGHER_IS_BETTER, "2").met()).isFalse();
        assertThat(progress("40", "20", LOWER_IS_BETTER, "5").fraction()).isEqualByComparingTo("1");
        assertThat(progress("40", "20", LOWER_IS_BETTER, "5").met()).isTrue();
    }

    @Test
    void aTargetEqualToTheBaselineIsMetWhileNothingGetsWorse() {
        assertThat(progress("7", "7", HIGHER_IS_BETTER, "7").fraction()).isEqualByComparingTo("1");
        assertThat(progress("7", "7", HIGHER_IS_BETTER, "8").met()).isTrue();
        assertThat(progress("7", "7", HIGHER_IS_BETTER, "6.5").fraction()).isEqualByComparingTo("0");
        assertThat(progress("7", "7", HIGHER_IS_BETTER, "6.5").met()).isFalse();
        assertThat(progress("7", "7", LOWER_IS_BETTER, "6").met()).isTrue();
        assertThat(progress("7", "7", LOWER_IS_BETTER, "8").fraction()).isEqualByComparingTo("0");
    }

    @Test
    void fractionsHaveFourDecimalPlacesAndMetIsExact() {
        Progress almost = progress("0", "100000", HIGHER_IS_BETTER, "99999.99");
        assertThat(almost.fraction()).isEqualByComparingTo("1.0000");
        assertThat(almost.fraction().scale()).isEqualTo(4);
        assertThat(almost.met()).isFalse();
        assertThat(progress("-5", "5", HIGHER_IS_BETTER, "0").fraction()).isEqualByComparingTo("0.5");
    }
}
