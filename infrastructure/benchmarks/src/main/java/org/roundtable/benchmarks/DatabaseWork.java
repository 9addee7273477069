package org.roundtable.benchmarks;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What PostgreSQL did for each database between two readings of its statistics: transactions committed and rolled
 * back, rows written (inserted, updated, deleted) and rows read, in all and for the tables read most (with their
 * sequential scans, which read every row). The counters a server process keeps are only published once it has been
 * idle a while (up to ten seconds), so each reading first waits that long.
 */
final class DatabaseWork {

    private static final Duration PUBLISHED = Duration.ofSeconds(11);
    private static final int TABLES_SHOWN = 4;

    record Counts(long commits, long rollbacks, long written, long read, long sequentialScans) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        Counts minus(Counts earlier) {
            return new Counts(commits - earlier.commits, rollbacks - earlier.rollbacks, written - earlier.written, read - earlier.read,
                    sequentialScans - earlier.sequentialScans);
        }
    }

    /** Counts by database, and by {@code database.table}. */
    record Reading(long nanos, Map<String, Counts> databases, Map<String, Counts> tables) {
    }

    private final Function<String, JdbcTemplate> database;
    private final Set<String> ignored;

    /** {@code database} connects to a database of the server by its name. */
    DatabaseWork(Function<String, JdbcTemplate> database, Set<String> ignored) {
        this.database = database;
        this.ignored = ignored;
    }

    Reading read() {
        OpenProposals.pause(PUBLISHED.toMillis());
        Map<String, Counts> databases = new TreeMap<>();
        database.apply("postgres").query("select datname, xact_commit, xact_rollback, tup_inserted + tup_updated + tup_deleted as written, "
                + "tup_returned + tup_fetched as read from pg_stat_database where datname is not null", row -> {
            String name = row.getString("datname");
            if (!ignored.contains(name) && !name.startsWith("template")) {
                databases.put(name, new Counts(row.getLong("xact_commit"), row.getLong("xact_rollback"), row.getLong("written"), row.getLong("read"), 0));
            }
        });
        Map<String, Counts> tables = new TreeMap<>();
        for (String name : databases.keySet()) {
            database.apply(name).query("select relname, n_tup_ins + n_tup_upd + n_tup_del as written, coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) as read, "
                    + "coalesce(seq_scan, 0) as scans from pg_stat_user_tables", row -> {
                tables.put(name + "." + row.getString("relname"), new Counts(0, 0, row.getLong("written"), row.getLong("read"), row.getLong("scans")));
            });
        }
        return new Reading(System.nanoTime(), databases, tables);
    }

    /**
     * Each database's work per {@code units} (say, per endorsement) from {@code start} to {@code end}, less what the
     * idle platform did in as long, as measured from {@code idleStart} to {@code start}; then the tables read most.
     */
    static String perUnit(Reading idleStart, Reading start, Reading end, long units, String unit) {
        double idleSeconds = (start.nanos() - idleStart.nanos()) / 1e9;
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        double scale = seconds / idleSeconds;
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "database work per %s (%d %ss, %.0f s; less the idle rate measured over %.0f s):%n", unit, units, unit, seconds, idleSeconds));
        Map<String, double[]> databases = perUnit(idleStart.databases(), start.databases(), end.databases(), scale, units);
        double[] total = new double[5];
        databases.forEach((database, work) -> {
            for (int i = 0; i < total.length; i++) {
                total[i] += work[i];
            }
            text.append(String.format(Locale.ROOT, "  %-14s %6.1f transactions, %6.1f rows written, %8.1f rows read%n", database, work[0], work[2], work[3]));
        });
        text.append(String.format(Locale.ROOT, "  %-14s %6.1f transactions, %6.1f rows written, %8.1f rows read%n", "all", total[0], total[2], total[3]));
        text.append("  the tables read most:\n");
        perUnit(idleStart.tables(), start.tables(), end.tables(), scale, units).entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> table) -> table.getValue()[3]).reversed())
                .limit(TABLES_SHOWN * 3L)
                .forEach(table -> text.append(String.format(Locale.ROOT, "    %-44s %8.1f rows read, %5.2f sequential scans, %5.1f rows written%n",
                        table.getKey(), table.getValue()[3], table.getValue()[4], table.getValue()[2])));
        return text.toString();
    }

    private static Map<String, double[]> perUnit(Map<String, Counts> idleStart, Map<String, Counts> start, Map<String, Counts> end,
                                                 double scale, long units) {
        Map<String, double[]> work = new TreeMap<>();
        end.forEach((name, counts) -> {
            Counts busy = counts.minus(start.getOrDefault(name, Counts.NONE));
            Counts idle = start.getOrDefault(name, Counts.NONE).minus(idleStart.getOrDefault(name, start.getOrDefault(name, Counts.NONE)));
            work.put(name, new double[]{
                    (busy.commits() - idle.commits() * scale) / units,
                    (busy.rollbacks() - idle.rollbacks() * scale) / units,
                    (busy.written() - idle.written() * scale) / units,
                    (busy.read() - idle.read() * scale) / units,
                    (busy.sequentialScans() - idle.sequentialScans() * scale) / units});
        });
        return work;
    }
}
