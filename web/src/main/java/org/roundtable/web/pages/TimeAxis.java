package org.roundtable.web.pages;

import org.roundtable.web.services.AuditApi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A proposal's steps on a time axis, drawn on the server as SVG: one lane per service, a dot per step at its time, the
 * time written under the axis at a few evenly spaced ticks (in hours and minutes when it all happened within a day).
 * A step's dot carries its number in the list beside it, which is the picture's text alternative.
 */
public record TimeAxis(List<Lane> lanes, List<Dot> dots, List<Tick> ticks, Integer marker, String markerLabel) {

    static final List<String> SERVICES = List.of("proposals", "participation", "commissioning", "outcomes");
    public static final int LEFT = 130;
    public static final int WIDTH = 620;
    public static final int LANE = 34;
    public static final int TOP = 10;
    private static final int TICKS = 5;

    public record Lane(String service, int y) {
    }

    public record Dot(int number, int x, int y, String service, String title) {
    }

    public record Tick(int x, String label) {
    }

    public int height() {
        return TOP + lanes.size() * LANE + 40;
    }

    public int axisY() {
        return TOP + lanes.size() * LANE;
    }

    public int right() {
        return LEFT + WIDTH;
    }

    public static TimeAxis of(List<AuditApi.Step> steps, Instant at, ZoneId zone) {
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            lanes.add(new Lane(SERVICES.get(i), TOP + i * LANE + LANE / 2));
        }
        if (steps.isEmpty()) {
            return new TimeAxis(lanes, List.of(), List.of(), null, null);
        }
        Instant start = steps.stream().map(AuditApi.Step::occurredAt).min(Instant::compareTo).orElseThrow();
        Instant end = steps.stream().map(AuditApi.Step::occurredAt).max(Instant::compareTo).orElseThrow();
        if (at != null && at.isAfter(end)) {
            end = at;
        }
        if (at != null && at.isBefore(start)) {
            start = at;
        }
        long span = Math.max(1, Duration.between(start, end).toMillis());
        List<Dot> dots = new ArrayList<>();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK).withZone(zone);
        for (int i = 0; i < steps.size(); i++) {
            AuditApi.Step step = steps.get(i);
            int lane = Math.max(0, SERVICES.indexOf(step.source()));
            dots.add(new Dot(i + 1, x(start, span, step.occurredAt()), lanes.get(lane).y(), SERVICES.get(lane),
                    (i + 1) + ". " + step.description() + " (" + when.format(step.occurredAt()) + ")"));
        }
        DateTimeFormatter label = DateTimeFormatter.ofPattern(span < Duration.ofDays(1).toMillis()
                ? (span < Duration.ofMinutes(10).toMillis() ? "HH:mm:ss" : "HH:mm") : "d MMM yyyy", Locale.UK).withZone(zone);
        List<Tick> ticks = new ArrayList<>();
        for (int t = 0; t < TICKS; t++) {
            Instant tick = start.plusMillis(span * t / (TICKS - 1));
            ticks.add(new Tick(x(start, span, tick), label.format(tick)));
        }
        return new TimeAxis(lanes, dots, ticks, at == null ? null : x(start, span, at), at == null ? null : when.format(at));
    }

    private static int x(Instant start, long span, Instant at) {
        return LEFT + (int) (Duration.between(start, at).toMillis() * WIDTH / span);
    }
}
