package org.roundtable.benchmarks;

import java.util.Locale;

/**
 * One measured figure beside the raw limit it is compared with, measured in the same run on the same machine.
 *
 * @param ratio  figure against the raw limit, where 1 means as fast as the raw limit ({@code NaN} without one)
 * @param goal   what the figure should reach, in words
 * @param met    whether it does
 */
record Figure(String name, String figure, String rawLimit, double ratio, String goal, boolean met) {

    String ratioText() {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
    }

    String json() {
        return String.format(Locale.ROOT, "{\"name\":%s,\"figure\":%s,\"rawLimit\":%s,\"ratio\":%s,\"goal\":%s,\"met\":%s}",
                quoted(name), quoted(figure), quoted(rawLimit), Double.isNaN(ratio) ? "null" : String.format(Locale.ROOT, "%.4f", ratio),
                quoted(goal), met);
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
