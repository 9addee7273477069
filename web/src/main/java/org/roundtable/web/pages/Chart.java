package org.roundtable.web.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A horizontal bar chart, drawn on the server as SVG: one row per person, fund or decision, one bar per series in each
 * row. The same rows are the table beside it, which is the picture's text alternative.
 *
 * @param id      unique on the page; the SVG's title and the table's id derive from it
 * @param title   what the picture shows, in words
 * @param series  the names of the series (one bar each per row), in order
 * @param rows    the rows, each with one value per series
 */
public record Chart(String id, String title, List<String> series, List<Row> rows, String csvUrl) {

    static final int LABEL_WIDTH = 150;
    static final int BAR_AREA = 230;
    static final int BAR_HEIGHT = 16;
    static final int ROW_GAP = 10;
    static final int LEGEND_LINE = 20;

    public record Row(String label, String detail, List<BigDecimal> values) {
    }

    /** One bar, placed. */
    public record Bar(int x, int y, int width, int height, int series, String value) {
    }

    public static <T> Chart of(String id, String title, List<String> series, List<T> items, Function<T, String> label,
                               Function<T, String> detail, List<Function<T, Number>> values, String csvUrl) {
        List<Row> rows = new ArrayList<>();
        for (T item : items) {
            List<BigDecimal> numbers = values.stream().map(value -> value.apply(item)).map(Chart::decimal).toList();
            rows.add(new Row(label.apply(item), detail == null ? null : detail.apply(item), numbers));
        }
        return new Chart(id, title, series, rows, csvUrl);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public BigDecimal max() {
        return rows.stream().flatMap(row -> row.values().stream()).max(BigDecimal::compareTo).filter(max -> max.signum() > 0)
                .orElse(BigDecimal.ONE);
    }

    private int rowHeight() {
        return series.size() * BAR_HEIGHT + ROW_GAP;
    }

    /** The legend: one line per series, above the bars. */
    private int legendHeight() {
        return series.size() * LEGEND_LINE + 6;
    }

    public int height() {
        return legendHeight() + rows.size() * rowHeight() + 4;
    }

    public int width() {
        return LABEL_WIDTH + BAR_AREA + 50;
    }

    /** Where each row's label sits (its baseline). */
    public int labelY(int row) {
        return legendHeight() + row * rowHeight() + (series.size() * BAR_HEIGHT) / 2 + 5;
    }

    public List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        BigDecimal max = max();
        for (int r = 0; r < rows.size(); r++) {
            List<BigDecimal> values = rows.get(r).values();
            for (int s = 0; s < values.size(); s++) {
                int width = values.get(s).multiply(BigDecimal.valueOf(BAR_AREA)).divide(max, 0, RoundingMode.HALF_UP).intValue();
                bars.add(new Bar(LABEL_WIDTH, legendHeight() + r * rowHeight() + s * BAR_HEIGHT, Math.max(width, values.get(s).signum() > 0 ? 2 : 0),
                        BAR_HEIGHT - 2, s, plain(values.get(s))));
            }
        }
        return bars;
    }

    /** A label as the picture writes it, shortened to fit (the table beside it has it whole). */
    public String shortLabel(int row) {
        String label = rows.get(row).label();
        return label == null ? "" : label.length() <= 22 ? label : label.substring(0, 21) + "\u2026";
    }

    public int labelX() {
        return LABEL_WIDTH - 8;
    }

    public int legendY(int series) {
        return 4 + series * LEGEND_LINE;
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static BigDecimal decimal(Number number) {
        if (number == null) {
            return BigDecimal.ZERO;
        }
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }
}
