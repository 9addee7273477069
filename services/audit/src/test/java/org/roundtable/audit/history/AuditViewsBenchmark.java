package org.roundtable.audit.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.roundtable.audit.powermap.PowerMap;
import org.roundtable.audit.powermap.PowerMaps;
import org.roundtable.audit.projection.PowerMapFollower;
import org.roundtable.audit.projection.PowerMapTables;
import org.roundtable.audit.replay.ProposalReplay;
import org.roundtable.events.EventJson;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * How the auditor views behave on a large ledger: fills a fresh database with the ledger's own schema and
 * {@code proposals} (default 3,000) whole proposal lives of {@link LibraryGarden} (32 entries each, one hour apart),
 * then times decision histories, as-of replays and power maps as the API computes them (SQL through
 * {@link LedgerReader}, then the view), first with the ledger's schema as it is, then without its expression indexes
 * on the payload ids the views follow, to show what they save. Prints percentiles; the database is dropped at the end.
 * A program, not a test, run as the README's "Benchmarks" says ({@code -Dproposals=3000} sets the size).
 */
public final class AuditViewsBenchmark {

    private static final int SAMPLES = 50;
    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String[] PAYLOAD_INDEXES = {"ledger_entry_payload_proposal", "ledger_entry_payload_case",
            "ledger_entry_payload_initiative", "ledger_entry_event_name"};

    private AuditViewsBenchmark() {
    }

    public static void main(String[] args) {
        int proposals = Integer.getInteger("proposals", 3_000);
        String database = "audit_views_benchmark_" + System.currentTimeMillis();
        PostgresServer server = SharedInfrastructure.postgres();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(server.jdbcUrl(database), server.username(), server.password());
        try {
            new ResourceDatabasePopulator(new ClassPathResource("schema.sql")).execute(dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long started = System.nanoTime();
            int entries = fill(jdbc, proposals);
            jdbc.execute("analyze ledger_entry");
            System.out.printf(Locale.ROOT, "ledger: %,d entries for %,d proposals, written in %.1f s (%s PostgreSQL)%n",
                    entries, proposals, (System.nanoTime() - started) / 1e9, server.kind());
            LedgerReader reader = new LedgerReader(new NamedParameterJdbcTemplate(dataSource));
            PowerMapTables tables = new PowerMapTables(new NamedParameterJdbcTemplate(dataSource));
            long folding = System.nanoTime();
            new PowerMapFollower(reader, tables, new TransactionTemplate(new DataSourceTransactionManager(dataSource))).catchUp();
            System.out.printf(Locale.ROOT, "power map: %,d entries folded in %.1f s%n", entries, (System.nanoTime() - folding) / 1e9);
            jdbc.execute("analyze");
            measure("the ledger's schema", reader, tables, proposals);
            for (String index : PAYLOAD_INDEXES) {
                jdbc.execute("drop index " + index);
            }
            jdbc.execute("analyze ledger_entry");
            measure("without the payload id indexes", reader, tables, proposals);
        } finally {
            new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl("postgres"), server.username(), server.password()))
                    .execute("drop database if exists " + database + " with (force)");
        }
    }

    private static int fill(JdbcTemplate jdbc, int proposals) {
        long position = 0;
        for (int proposal = 0; proposal < proposals; proposal++) {
            List<Object[]> rows = new ArrayList<>();
            for (RecordedEvent entry : LibraryGarden.story("-" + proposal, Duration.ofHours(proposal)).entries()) {
                position++;
                String payload = entry.readable() ? write(entry.data()) : "{\"initiativeId\":\"unknown\"}";
                rows.add(new Object[]{position, entry.eventId(), entry.source(), entry.type(), entry.eventName(), entry.subject(),
                        entry.actorId(), entry.actorRole(), entry.actorName(), Timestamp.from(entry.occurredAt()),
                        Timestamp.from(Instant.now()), "roundtable." + entry.source(), position, payload, position});
            }
            jdbc.batchUpdate("""
                    insert into ledger_entry (position, event_id, source, type, event_name, subject, actor_id, actor_role, actor_name,
                        occurred_at, recorded_at, topic, kafka_partition, kafka_offset, payload, previous_hash, hash, headers, chain_index)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, repeat('0', 64), repeat('0', 64), '[]', ?)""", rows);
        }
        return (int) position;
    }

    private static void measure(String setting, LedgerReader reader, PowerMapTables tables, int proposals) {
        Random random = new Random(7);
        System.out.println("-- " + setting);
        time("decision history", () -> {
            String proposal = LibraryGarden.PROPOSAL + "-" + random.nextInt(proposals);
            return DecisionHistories.of(proposal, reader.aboutProposal(proposal), PublicNames.from(reader.named(PublicNames.PROFILE_EVENTS, null))).steps().size();
        });
        time("as-of replay", () -> {
            int chosen = random.nextInt(proposals);
            Instant at = Instant.parse("2026-03-02T10:25:00Z").plus(Duration.ofHours(chosen));
            String proposal = LibraryGarden.PROPOSAL + "-" + chosen;
            return ProposalReplay.asOf(proposal, at, reader.aboutProposalAsOf(proposal, at)).entriesApplied();
        });
        Instant first = Instant.parse("2026-03-01T00:00:00Z");
        Instant weekFrom = first.plus(Duration.ofHours(random.nextInt(Math.max(1, proposals - 168))));
        timeFew("power map, one week", () -> map(tables, weekFrom, weekFrom.plus(Duration.ofDays(7))));
        timeFew("power map, everything", () -> map(tables, null, null));
    }

    private static int map(PowerMapTables tables, Instant from, Instant to) {
        PowerMap map = PowerMaps.of(tables, from, to, "libraries");
        return map.decisions().size();
    }

    private static void time(String view, Supplier<Integer> run) {
        run.get();
        double[] millis = new double[SAMPLES];
        int found = 0;
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            found += run.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%-24s %d requests: p50 %.1f ms, p95 %.1f ms, max %.1f ms (%.1f entries each)%n", view, SAMPLES,
                millis[SAMPLES / 2], millis[(int) (SAMPLES * 0.95)], millis[SAMPLES - 1], found / (double) SAMPLES);
    }

    private static void timeFew(String view, Supplier<Integer> run) {
        int runs = 5;
        double[] millis = new double[runs];
        int decisions = 0;
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            decisions = run.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%-24s %d requests: median %.0f ms, max %.0f ms (%,d decisions; heap in use %,d MB)%n", view, runs,
                millis[runs / 2], millis[runs - 1], decisions, (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }

    private static String write(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }
}
