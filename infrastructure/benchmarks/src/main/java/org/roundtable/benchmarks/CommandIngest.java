package org.roundtable.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import org.roundtable.platform.SyntheticCitizens.Citizen;
import org.roundtable.testsupport.ApiClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Benchmark 1, command ingest through the gateway: distinct citizens endorsing open proposals (each endorsement a
 * command to the participation service, a stored event and a relay to Kafka) at 8 and at 32 concurrent users, beside
 * pgbench inserting one event-sized row per transaction into the same PostgreSQL with as many clients. For each run,
 * the ledger's lag behind the endorsements stored: how long after an endorsement is stored the audit ledger has
 * appended it; and the work each endorsement cost each service's database (transactions, rows written and read).
 */
final class CommandIngest {

    static final int[] CONCURRENCY = {8, 32};
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration LEDGER_CATCH_UP = Duration.ofSeconds(120);

    private CommandIngest() {
    }

    /** Runs the benchmark on proposals open for endorsement; {@code citizens.size() + 1} and their number must be coprime. */
    static List<Figure> run(StackUnderLoad stack, List<Citizen> citizens, List<String> proposals, Duration duration, Path output) {
        String body = "{\"reason\":\"Our street would use this every week\"}";
        String path = "/api/participation/proposals/#{proposalId}/endorsements";
        Path results = output.resolve("gatling");
        // each run reads its own quarter of the endorsements: a feeder's iterator given to a second Gatling run in the
        // same JVM left that run's users waiting for ever without sending a request
        long slice = (long) citizens.size() * proposals.size() / 4;
        new HttpLoad("endorsements-warm-up", stack.ports().gatewayUrl(), path, body, 204, 8, WARM_UP,
                distinctEndorsements(citizens, proposals, 0, slice)).run(results);

        Optional<Path> pgbench = Pgbench.executable();
        Pgbench raw = new Pgbench("127.0.0.1", stack.ports().postgres(), stack.stack().database().username(), stack.stack().database().password());
        if (pgbench.isPresent()) {
            raw.prepare(stack.stack().database().jdbcUrl(Pgbench.DATABASE));
        }
        int[] sizes = eventSizes(stack);
        String auditor = stack.login("hana");
        List<Figure> figures = new ArrayList<>();
        var server = stack.stack().database();
        DatabaseWork work = new DatabaseWork(database -> new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl(database),
                server.username(), server.password())), Set.of("postgres", Pgbench.DATABASE));
        for (int run = 0; run < CONCURRENCY.length; run++) {
            int users = CONCURRENCY[run];
            DatabaseWork.Reading idle = work.read();
            DatabaseWork.Reading before = work.read();
            Map<String, Double> cpuBefore = stack.processorSeconds();
            long ledgerBefore = lastLedgerPosition(stack, auditor);
            long storedBefore = lastStoredIndex(stack);
            Instant started = Instant.now();
            HttpLoad.Result load = new HttpLoad("endorsements-" + users, stack.ports().gatewayUrl(), path, body, 204, users, duration,
                    distinctEndorsements(citizens, proposals, (run + 1) * slice, (run + 2) * slice)).run(results);
            long stored = endorsementsStoredSince(stack, storedBefore);
            figures.add(ledgerLag(stack, auditor, ledgerBefore, stored, load.ok(), users, started));
            System.out.print("ingest, " + users + " users: " + processorTimePer(cpuBefore, stack.processorSeconds(), stored));
            System.out.print("ingest, " + users + " users: " + DatabaseWork.perUnit(idle, before, work.read(), stored, "endorsement"));
            String name = String.format(Locale.ROOT, "Endorsements through the gateway, %d users", users);
            String goal = ">= 0.35x, p99 <= 50 ms";
            if (pgbench.isEmpty()) {
                figures.add(new Figure(name, load.describe(), Pgbench.missing(), Double.NaN, goal, false));
                continue;
            }
            Pgbench.Result insert = raw.run(pgbench.get(), users, duration, sizes[0], sizes[1], output.resolve("pgbench"));
            double ratio = load.perSecond() / insert.perSecond();
            figures.add(new Figure(name, load.describe(), String.format(Locale.ROOT, "pgbench, %d clients, one %d-byte event row a transaction: %s",
                    users, sizes[0] + sizes[1], insert.describe()), ratio, goal, ratio >= 0.35 && load.p99Millis() <= 50 && load.failed() == 0));
        }
        return figures;
    }

    /**
     * Endorsements {@code from} (inclusive) to {@code to}: endorsement {@code i} is by citizen {@code i mod C} on proposal
     * {@code (i + i div C) mod P}. With {@code C + 1} and {@code P} coprime, no citizen endorses a proposal twice in
     * {@code C * P} endorsements, consecutive endorsements fall on different proposals, and each citizen acts only once
     * every C endorsements (well below the gateway's rate limit per person).
     */
    static Iterator<Map<String, Object>> distinctEndorsements(List<Citizen> citizens, List<String> proposals, long from, long to) {
        int c = citizens.size();
        int p = proposals.size();
        if (java.math.BigInteger.valueOf(c + 1).gcd(java.math.BigInteger.valueOf(p)).intValue() != 1) {
            throw new IllegalArgumentException("citizens + 1 and proposals must be coprime, not " + (c + 1) + " and " + p);
        }
        if (from < 0 || to > (long) c * p || from > to) {
            throw new IllegalArgumentException("endorsements " + from + " to " + to + " are not among the " + (long) c * p + " there are");
        }
        return new Iterator<>() {
            private long next = from;

            @Override
            public synchronized boolean hasNext() {
                return next < to;
            }

            @Override
            public synchronized Map<String, Object> next() {
                if (next >= to) {
                    throw new NoSuchElementException("every citizen has endorsed every proposal");
                }
                long i = next++;
                return Map.of("token", citizens.get((int) (i % c)).token(), "proposalId", proposals.get((int) ((i + i / c) % p)));
            }
        };
    }

    /** The average payload and metadata sizes of the participation service's stored events, in bytes. */
    private static int[] eventSizes(StackUnderLoad stack) {
        JdbcTemplate participation = participationStore(stack);
        Map<String, Object> sizes = participation.queryForMap("select coalesce(avg(octet_length(payload)), 0) as payload, "
                + "coalesce(avg(octet_length(meta_data)), 0) as metadata from domain_event_entry");
        int payload = ((Number) sizes.get("payload")).intValue();
        int metadata = ((Number) sizes.get("metadata")).intValue();
        System.out.printf(Locale.ROOT, "ingest: stored participation events average %d bytes of payload and %d of metadata%n", payload, metadata);
        return new int[]{payload, metadata};
    }

    /** The processor time each process used, per stored endorsement, from the load's start until the ledger held them. */
    private static String processorTimePer(Map<String, Double> before, Map<String, Double> after, long endorsements) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "processor time per endorsement (%d stored, until the ledger held them):%n",
                endorsements));
        double total = 0;
        for (Map.Entry<String, Double> process : after.entrySet()) {
            double millis = (process.getValue() - before.getOrDefault(process.getKey(), 0.0)) * 1000 / endorsements;
            total += millis;
            text.append(String.format(Locale.ROOT, "  %-22s %6.2f ms%n", process.getKey(), millis));
        }
        return text.append(String.format(Locale.ROOT, "  %-22s %6.2f ms (the launcher runs Gatling)%n", "all", total)).toString();
    }

    private static JdbcTemplate participationStore(StackUnderLoad stack) {
        var database = stack.stack().database();
        return new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl("participation"), database.username(), database.password()));
    }

    private static long lastStoredIndex(StackUnderLoad stack) {
        Long last = participationStore(stack).queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return last == null ? 0 : last;
    }

    /**
     * Endorsements stored after {@code index}: also those whose answer came after Gatling had given up on them, which
     * the ledger holds too.
     */
    private static long endorsementsStoredSince(StackUnderLoad stack, long index) {
        Long stored = participationStore(stack).queryForObject("select count(*) from domain_event_entry where global_index > ? "
                + "and payload_type like '%EndorsementGiven'", Long.class, index);
        return stored == null ? 0 : stored;
    }

    private static long lastLedgerPosition(StackUnderLoad stack, String auditor) {
        return ledgerPage(stack, auditor, 0, 1).path("lastPosition").asLong();
    }

    private static JsonNode ledgerPage(StackUnderLoad stack, String auditor, long after, int size) {
        ApiClient.Response page = ApiClient.onPort(stack.ports().audit()).get("/api/audit/ledger?afterPosition=" + after + "&size=" + size, auditor);
        if (page.status() != 200) {
            throw new IllegalStateException("the ledger answered " + page.status() + " " + page.body());
        }
        return page.body();
    }

    /**
     * Waits (bounded) until the ledger holds the run's stored endorsements, then reads how long after each was stored
     * ({@code occurredAt}) the ledger appended it ({@code recordedAt}).
     */
    private static Figure ledgerLag(StackUnderLoad stack, String auditor, long after, long endorsements, long answered, int users,
                                    Instant started) {
        long deadline = System.nanoTime() + LEDGER_CATCH_UP.toNanos();
        List<Long> lags = new ArrayList<>();
        long position = after;
        while (lags.size() < endorsements && System.nanoTime() - deadline < 0) {
            JsonNode page = ledgerPage(stack, auditor, position, 500);
            for (JsonNode entry : page.path("items")) {
                if ("EndorsementGiven".equals(entry.path("eventName").asText())
                        && !Instant.parse(entry.path("occurredAt").asText()).isBefore(started)) {
                    lags.add(Duration.between(Instant.parse(entry.path("occurredAt").asText()), Instant.parse(entry.path("recordedAt").asText())).toNanos());
                }
            }
            if (page.path("items").isEmpty()) {
                OpenProposals.pause(200);
            }
            position = page.path("nextAfterPosition").asLong();
        }
        long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Figure("Ledger lag behind stored endorsements, " + users + " users", "no entry reached the ledger within "
                    + LEDGER_CATCH_UP.toSeconds() + " s", "-", Double.NaN, "p99 <= 1 s", false);
        }
        double p99 = Benchmarks.millis(sorted, 0.99);
        System.out.printf(Locale.ROOT, "ingest: ledger lag over %d of %d stored endorsements (%d answered 204): p50 %.0f ms, p99 %.0f ms%n",
                sorted.length, endorsements, answered, Benchmarks.millis(sorted, 0.5), p99);
        return new Figure("Ledger lag behind stored endorsements, " + users + " users", String.format(Locale.ROOT,
                "p99 %.0f ms (p50 %.0f ms; %d of the %d stored in the ledger)", p99, Benchmarks.millis(sorted, 0.5), sorted.length, endorsements),
                "-", Double.NaN, "p99 <= 1 s", p99 <= 1_000 && sorted.length == endorsements);
    }
}
