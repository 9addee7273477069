package org.roundtable.benchmarks;

import org.roundtable.platform.Ports;
import org.roundtable.platform.StackFootprint;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Runs every benchmark, each figure beside its raw limit measured in the same run, and prints one table of figure, raw
 * limit, ratio and goal, with the machine it ran on; the same as JSON and CSV in {@code benchmarks.output}
 * ({@code target/benchmarks}). Loopback only; every loop is bounded in count. The argument names the benchmarks to run
 * ({@code all}, or a comma-separated list of {@code start}, {@code ledger}, {@code audit-views}, {@code event-store}, {@code search}, and of those run against
 * the whole local stack, which this program starts and stops: {@code gateway}, {@code ingest}, {@code propagation}); sizes
 * are system properties ({@code ledger.entries}, {@code ledger.appends}, {@code audit.entries}, {@code search.proposals},
 * {@code eventstore.events}, {@code eventstore.appends}, {@code load.seconds} for each HTTP load, {@code stack.port-offset} for the local stack's ports).
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String only = args.length > 0 ? args[0] : "all";
        String machine = machine();
        System.out.println("machine: " + machine);
        List<Figure> figures = new ArrayList<>();
        Path root = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
        int portOffset = Integer.getInteger("stack.port-offset", 0);
        if (runs(only, "start")) {
            figures.addAll(stackStart(root, portOffset));
        }
        if (runs(only, "ledger")) {
            figures.addAll(LedgerAtScale.run(Integer.getInteger("ledger.entries", 1_000_000), Integer.getInteger("ledger.appends", 50_000)));
        }
        if (runs(only, "audit-views")) {
            figures.addAll(AuditViewsAtScale.run(Integer.getInteger("audit.entries", 1_000_000)));
        }
        if (runs(only, "event-store")) {
            figures.addAll(EventStoreGrowth.run(Integer.getInteger("eventstore.events", 10_000_000), Integer.getInteger("eventstore.appends", 20_000)));
        }
        if (runs(only, "search")) {
            figures.addAll(ProposalSearch.run(Integer.getInteger("search.proposals", 100_000)));
        }
        Path output = Path.of(System.getProperty("benchmarks.output", "target/benchmarks"));
        if (List.of("gateway", "ingest", "propagation").stream().anyMatch(name -> runs(only, name))) {
            figures.addAll(PlatformBenchmarks.run(name -> runs(only, name), root, portOffset,
                    java.time.Duration.ofSeconds(Integer.getInteger("load.seconds", 20)),
                    Boolean.getBoolean("benchmarks.profile"), output));
        }
        String table = table(figures);
        System.out.println();
        System.out.println(table);
        System.out.println("machine at the end: " + loadAverage());
        Files.createDirectories(output);
        Files.writeString(output.resolve("benchmarks.json"), "{\"machine\":" + Figure.quoted(machine) + ",\"loadAtEnd\":"
                + Figure.quoted(loadAverage()) + ",\"figures\":[" + figures.stream().map(Figure::json).collect(Collectors.joining(",")) + "]}\n");
        Files.writeString(output.resolve("benchmarks.csv"), "figure,value,raw limit,ratio,goal,met\r\n" + figures.stream()
                .map(f -> String.join(",", csv(f.name()), csv(f.figure()), csv(f.rawLimit()), f.ratioText(), csv(f.goal()), f.met() ? "yes" : "no"))
                .collect(Collectors.joining("\r\n")) + "\r\n");
        System.out.println("written: " + output.resolve("benchmarks.json") + ", " + output.resolve("benchmarks.csv"));
        System.exit(0);
    }

    /**
     * Benchmark 8, run first so that the benchmark program itself (counted as the launcher) is still as small as
     * {@code ./roundtable}'s: the whole stack started as {@code ./roundtable} starts it, from a build already made.
     */
    private static List<Figure> stackStart(Path root, int portOffset) throws IOException {
        StackFootprint.Footprint footprint = StackFootprint.measure(root, new Ports(portOffset), false);
        double rssGb = footprint.rssKb() / 1024.0 / 1024.0;
        int cores = Runtime.getRuntime().availableProcessors();
        double leastSeconds = footprint.cpuSeconds() / cores;
        return List.of(
                new Figure("Local stack start (built): launch to every application healthy", String.format(Locale.ROOT, "%.1f s", footprint.readySeconds()),
                        String.format(Locale.ROOT, "the processor time its processes used to get there, %.0f s, over %d cores: %.1f s",
                                footprint.cpuSeconds(), cores, leastSeconds),
                        leastSeconds / footprint.readySeconds(), "<= 30 s", footprint.readySeconds() <= 30),
                new Figure("Local stack memory once ready, every process", String.format(Locale.ROOT, "RSS %.2f GB (PSS %.2f GB)", rssGb,
                        footprint.pssKb() / 1024.0 / 1024.0), "-", Double.NaN, "<= 2.5 GB RSS", rssGb <= 2.5));
    }

    private static boolean runs(String only, String name) {
        return only.equals("all") || List.of(only.split(",")).contains(name);
    }

    static String table(List<Figure> figures) {
        StringBuilder table = new StringBuilder("| figure | measured | raw limit (same run) | ratio | goal | met |\n|---|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", figure.name(), figure.figure(), figure.rawLimit(),
                    figure.ratioText(), figure.goal(), figure.met() ? "yes" : "no"));
        }
        return table.toString();
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        return String.format(Locale.ROOT, "%d cores (%s), Java %s, %s; %s", Runtime.getRuntime().availableProcessors(), cpu,
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getName(), loadAverage());
    }

    static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average " + load[0] + " " + load[1] + " " + load[2];
        } catch (IOException unreadable) {
            return "load average unknown";
        }
    }

    /** The {@code schema.sql} of the module holding this class (every service module has its own of that name). */
    static String schemaOf(Class<?> moduleClass) {
        try {
            String location = moduleClass.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
            return location.endsWith(".jar") ? "jar:" + location + "!/schema.sql" : location + "schema.sql";
        } catch (java.net.URISyntaxException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** Applies the module's {@code schema.sql} as its application does: the whole script as one statement. */
    static void applySchema(Class<?> moduleClass, javax.sql.DataSource dataSource) {
        org.springframework.jdbc.datasource.init.ResourceDatabasePopulator schema = new org.springframework.jdbc.datasource.init.ResourceDatabasePopulator(
                org.springframework.core.io.UrlResource.from(schemaOf(moduleClass)));
        schema.setSeparator(org.springframework.jdbc.datasource.init.ScriptUtils.EOF_STATEMENT_SEPARATOR);
        schema.execute(dataSource);
    }

    /** The value at a quantile of sorted nanoseconds, in milliseconds. */
    static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String csv(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
