package org.roundtable.web.pages;

import org.roundtable.web.services.Api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One indicator drawn as a server-rendered SVG: the provider's readings and the lived-experience series over the days
 * observed, against the baseline and the target. The page gives the same figures as a table beside it.
 */
public record IndicatorChart(int width, int height, String providerLine, List<Dot> providerDots, String livedLine, List<Dot> livedDots,
                             Double baselineY, Double targetY, List<Tick> valueTicks, List<Tick> dayTicks, double left, double right,
                             double bottom) {

    public record Dot(double x, double y, String label) {
    }

    public record Tick(double at, String label) {
    }

    private static final int WIDTH = 520;
    private static final int HEIGHT = 260;
    private static final double LEFT = 56;
    private static final double RIGHT = WIDTH - 24;
    private static final double TOP = 20;
    private static final double BOTTOM = HEIGHT - 44;

    static IndicatorChart of(Api.Indicator indicator) {
        List<Api.Point> provider = indicator.series();
        List<Api.Point> lived = indicator.livedExperience();
        List<BigDecimal> values = Stream.concat(Stream.concat(provider.stream(), lived.stream()).map(Api.Point::value),
                Stream.of(indicator.baseline(), indicator.target())).filter(value -> value != null).toList();
        double low = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double high = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(1);
        double step = niceStep((high - low) / 4);
        double min = Math.floor(low / step) * step;
        double max = Math.max(Math.ceil(high / step) * step, min + step);
        List<LocalDate> days = Stream.concat(provider.stream(), lived.stream()).map(Api.Point::observedOn).sorted().toList();
        LocalDate first = days.isEmpty() ? LocalDate.now() : days.get(0);
        long span = days.isEmpty() ? 0 : ChronoUnit.DAYS.between(first, days.get(days.size() - 1));
        Scale scale = new Scale(min, max, first, span);
        List<Tick> valueTicks = new ArrayList<>();
        for (double value = min; value <= max + step / 2; value += step) {
            valueTicks.add(new Tick(scale.y(value), number(value)));
        }
        List<Tick> dayTicks = days.stream().distinct().map(day -> new Tick(scale.x(day), day.toString())).toList();
        return new IndicatorChart(WIDTH, HEIGHT, line(provider, scale), dots(provider, scale), line(lived, scale), dots(lived, scale),
                indicator.baseline() == null ? null : scale.y(indicator.baseline().doubleValue()),
                indicator.target() == null ? null : scale.y(indicator.target().doubleValue()), valueTicks, thin(dayTicks), LEFT, RIGHT, BOTTOM);
    }

    private record Scale(double min, double max, LocalDate first, long span) {

        double y(double value) {
            return round(BOTTOM - (value - min) / (max - min) * (BOTTOM - TOP));
        }

        double x(LocalDate day) {
            return round(span == 0 ? (LEFT + RIGHT) / 2 : LEFT + 16 + ChronoUnit.DAYS.between(first, day) * (RIGHT - LEFT - 32) / (double) span);
        }
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}: ticks people read at a glance. */
    private static double niceStep(double rough) {
        if (rough <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double multiple : new double[]{1, 2, 5, 10}) {
            if (multiple * power >= rough) {
                return multiple * power;
            }
        }
        return 10 * power;
    }

    private static String line(List<Api.Point> points, Scale scale) {
        StringBuilder line = new StringBuilder();
        points.forEach(point -> line.append(line.isEmpty() ? "" : " ").append(scale.x(point.observedOn())).append(',')
                .append(scale.y(point.value().doubleValue())));
        return line.toString();
    }

    private static List<Dot> dots(List<Api.Point> points, Scale scale) {
        return points.stream().map(point -> new Dot(scale.x(point.observedOn()), scale.y(point.value().doubleValue()),
                point.observedOn() + ": " + point.value().stripTrailingZeros().toPlainString())).toList();
    }

    /** At most six day labels, so that they do not overlap. */
    private static List<Tick> thin(List<Tick> ticks) {
        if (ticks.size() <= 6) {
            return ticks;
        }
        int step = (int) Math.ceil(ticks.size() / 6.0);
        List<Tick> kept = new ArrayList<>();
        for (int i = 0; i < ticks.size(); i += step) {
            kept.add(ticks.get(i));
        }
        return kept;
    }

    private static String number(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-6 ? String.valueOf((long) Math.rint(value)) : String.format(Locale.UK, "%.1f", value);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
