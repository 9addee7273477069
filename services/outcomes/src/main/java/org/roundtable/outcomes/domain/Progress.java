package org.roundtable.outcomes.domain;

import org.roundtable.events.outcomes.Direction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How far an indicator has come from its baseline toward its target.
 *
 * <p>For an indicator where more is better, {@code fraction = (latest − baseline) / (target − baseline)}; where less
 * is better, {@code fraction = (baseline − latest) / (baseline − target)} — the same quotient, read so that moving in
 * the good direction is positive. The fraction is clamped to {@code [0, 1]}: moving the wrong way is no progress
 * (0), and going beyond the target is the target reached (1). When the target equals the baseline (keeping something
 * as good as it is), the fraction is 1 if the latest value is at least as good as the target, otherwise 0. An
 * indicator is {@code met} when its latest value is at least as good as its target in its direction of good.
 *
 * @param fraction between 0 and 1, four decimal places
 * @param met      the latest value is at or beyond the target
 */
public record Progress(BigDecimal fraction, boolean met) {

    private static final int SCALE = 4;

    public static Progress toward(BigDecimal baseline, BigDecimal target, Direction direction, BigDecimal latest) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(latest, "latest");
        boolean higherIsBetter = direction == Direction.HIGHER_IS_BETTER;
        BigDecimal gained = higherIsBetter ? latest.subtract(baseline) : baseline.subtract(latest);
        BigDecimal needed = higherIsBetter ? target.subtract(baseline) : baseline.subtract(target);
        boolean met = gained.compareTo(needed) >= 0;
        if (needed.signum() <= 0) {
            return new Progress(met ? BigDecimal.ONE.setScale(SCALE) : BigDecimal.ZERO.setScale(SCALE), met);
        }
        BigDecimal fraction = gained.divide(needed, SCALE, RoundingMode.HALF_UP);
        if (fraction.signum() < 0) {
            fraction = BigDecimal.ZERO.setScale(SCALE);
        } else if (fraction.compareTo(BigDecimal.ONE) > 0) {
            fraction = BigDecimal.ONE.setScale(SCALE);
        }
        return new Progress(fraction, met);
    }
}
