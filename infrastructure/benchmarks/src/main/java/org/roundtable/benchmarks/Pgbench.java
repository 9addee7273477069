package org.roundtable.benchmarks;

import org.roundtable.local.ChildProcess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The raw limit of command ingest: PostgreSQL's own {@code pgbench} inserting one event-sized row per transaction (the
 * columns of Axon's event entry, payload and metadata as long as the stored endorsements' on average) into the same
 * server, at the same number of clients. Not installed by this program: without {@code pgbench} on the PATH the figure
 * says how to get it (Debian and Ubuntu: {@code apt-get install postgresql-client}).
 *
 * @param host     the server's address
 * @param port     its port
 * @param username a role that may create databases
 * @param password its password
 */
record Pgbench(String host, int port, String username, String password) {

    /** Transactions per second over the run, and per-transaction latency quantiles from pgbench's own log. */
    record Result(double perSecond, double p50Millis, double p99Millis, long transactions) {

        String describe() {
            return String.format(Locale.ROOT, "%.0f/s, p50 %.1f ms, p99 %.1f ms", perSecond, p50Millis, p99Millis);
        }
    }

    static final String DATABASE = "benchmark_raw_inserts";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    static Optional<Path> executable() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator), new String[]{"/usr/bin", "/usr/lib/postgresql"})
                .flatMap(Arrays::stream).map(folder -> Path.of(folder, "pgbench")).filter(Files::isExecutable).findFirst();
    }

    static String missing() {
        return "pgbench not found on the PATH: install PostgreSQL's client programs (Debian/Ubuntu: apt-get install postgresql-client; "
                + "Fedora: dnf install postgresql; macOS: brew install libpq) and run again";
    }

    /** An empty table shaped like Axon's event entry, in the database {@link #DATABASE} (whose JDBC url is given). */
    void prepare(String jdbcUrl) {
        JdbcTemplate raw = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, username, password));
        raw.execute("drop table if exists raw_event");
        raw.execute("create table raw_event (global_index bigserial primary key, event_identifier varchar(255) not null unique, "
                + "aggregate_identifier varchar(255) not null, sequence_number bigint not null, type varchar(255), "
                + "time_stamp varchar(255) not null, payload_type varchar(255) not null, payload_revision varchar(255), "
                + "payload bytea not null, meta_data bytea, unique (aggregate_identifier, sequence_number))");
    }

    /** {@code clients} connections inserting for {@code duration}; pgbench's own per-transaction log gives the quantiles. */
    Result run(Path pgbench, int clients, Duration duration, int payloadBytes, int metadataBytes, Path work) {
        try {
            Files.createDirectories(work);
            Path script = work.resolve("insert-event.sql");
            Files.writeString(script, "\\set n random(1, 2000000000)\n"
                    + "insert into raw_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, meta_data) "
                    + "values (gen_random_uuid()::text, gen_random_uuid()::text, :n, 'Participation', now()::text, "
                    + "'org.roundtable.events.participation.EndorsementGiven', convert_to(repeat('p', " + payloadBytes + "), 'UTF8'), "
                    + "convert_to(repeat('m', " + metadataBytes + "), 'UTF8'));\n");
            String prefix = work.resolve("pgbench-" + clients).toString();
            List<String> command = List.of(pgbench.toString(), "-n", "-h", host, "-p", Integer.toString(port), "-U", username,
                    "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                    "-T", Long.toString(duration.toSeconds()), "-f", script.toString(), "-l", "--log-prefix=" + prefix, DATABASE);
            Path log = work.resolve("pgbench-output-" + clients + ".log");
            Files.deleteIfExists(log);
            int exit = ChildProcess.start("pgbench", command, work, Map.of("PGPASSWORD", password), log).awaitExit(duration.plusSeconds(60));
            String output = Files.readString(log);
            Matcher tps = TPS.matcher(output);
            if (exit != 0 || !tps.find()) {
                throw new IllegalStateException("pgbench failed (" + exit + "):\n" + output);
            }
            long[] nanos = latencies(work, Path.of(prefix).getFileName().toString());
            Result result = new Result(Double.parseDouble(tps.group(1)), Benchmarks.millis(nanos, 0.5), Benchmarks.millis(nanos, 0.99), nanos.length);
            System.out.printf(Locale.ROOT, "pgbench: %d clients: %s (%,d transactions)%n", clients, result.describe(), nanos.length);
            return result;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The third column of every line of pgbench's logs (each transaction's latency in microseconds), in nanoseconds, sorted. */
    private static long[] latencies(Path work, String prefix) throws IOException {
        List<Long> micros = new ArrayList<>();
        try (Stream<Path> logs = Files.list(work)) {
            for (Path log : logs.filter(file -> file.getFileName().toString().startsWith(prefix + ".")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] columns = line.split(" ");
                    if (columns.length >= 3) {
                        micros.add(Long.parseLong(columns[2]));
                    }
                }
                Files.delete(log);
            }
        }
        if (micros.isEmpty()) {
            throw new IllegalStateException("pgbench wrote no transaction log under " + work);
        }
        return micros.stream().mapToLong(value -> value * 1_000).sorted().toArray();
    }
}
