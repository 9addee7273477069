package org.roundtable.web.pages;

import org.roundtable.web.services.Api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The text alternative of each indicator's chart: one row per day observed, the provider's value beside lived experience. */
public final class Readings {

    public record Row(LocalDate observedOn, String provider, String lived) {
    }

    private Readings() {
    }

    /** Rows per indicator id. */
    static Map<String, List<Row>> of(Api.Initiative initiative) {
        Map<String, List<Row>> rows = new java.util.LinkedHashMap<>();
        initiative.indicators().forEach(indicator -> {
            TreeMap<LocalDate, String[]> days = new TreeMap<>();
            indicator.series().forEach(point -> add(days, point, 0));
            indicator.livedExperience().forEach(point -> add(days, point, 1));
            List<Row> table = new ArrayList<>();
            days.forEach((day, values) -> table.add(new Row(day, values[0], values[1])));
            rows.put(indicator.indicatorId(), table);
        });
        return rows;
    }

    private static void add(TreeMap<LocalDate, String[]> days, Api.Point point, int column) {
        String[] values = days.computeIfAbsent(point.observedOn(), day -> new String[]{"", ""});
        String value = plain(point.value());
        values[column] = values[column].isEmpty() ? value : values[column] + ", " + value;
    }

    public static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
