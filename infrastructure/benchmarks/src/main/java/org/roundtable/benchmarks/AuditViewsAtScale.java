package org.roundtable.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.roundtable.audit.history.DecisionHistories;
import org.roundtable.audit.history.LedgerReader;
import org.roundtable.audit.powermap.PowerMap;
import org.roundtable.audit.powermap.PowerMaps;
import org.roundtable.audit.projection.PowerMapFollower;
import org.roundtable.audit.projection.PowerMapTables;
import org.roundtable.audit.replay.ProposalReplay;
import org.roundtable.events.EventJson;
import org.roundtable.events.EventType;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.ProfileRegistered;
import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.local.PostgresServer;
import org.roundtable.testsupport.SharedInfrastructure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The auditor views on a ledger of N entries: whole decision stories (a proposal drafted, a case opened, a panel of
 * three, a recusal, three votes, a decision, an allocation, a pledge, an initiative; a fund per hundred stories; a
 * profile for each of 2,000 citizens as they first act), five minutes apart, written in bulk into a fresh audit
 * database with the service's own schema (the payload also as the indexed {@code jsonb}, as the ledger writes it), then
 * folded by the service's power map follower. Times each view as the API answers it: a proposal's decision history and
 * its as-of replay at an instant inside its story, each for proposals early, in the middle and late in the ledger,
 * beside PostgreSQL reading the rows keyed by the proposal's own ids; the power map (catching up, then reading the sums)
 * for everything, one area over a month and one day, beside PostgreSQL summing the per-day rows the map rests on; and
 * the heap each takes.
 */
final class AuditViewsAtScale {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String[] AREAS = {"libraries", "parks", "youth services", "adult social care", "housing"};
    private static final int SAMPLES = 20;
    private static final int CITIZENS = 2000;
    private static final int PROPOSAL_SAMPLES = 24;
    private static final Duration INTO_THE_STORY = Duration.ofSeconds(45);

    /** One decision story's ids and its start. */
    private record Story(String proposal, String caseId, String initiative, Instant at) {
    }

    private AuditViewsAtScale() {
    }

    static List<Figure> run(int entries) {
        PostgresServer server = SharedInfrastructure.postgres();
        String database = "audit_views_benchmark_" + System.currentTimeMillis();
        server.jdbcUrl(database);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.jdbcUrl(database) + (server.jdbcUrl(database).contains("?") ? "&" : "?") + "reWriteBatchedInserts=true");
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(4);
        try {
            Benchmarks.applySchema(PowerMapTables.class, dataSource);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long writing = System.nanoTime();
            List<Story> stories = new ArrayList<>();
            int written = fill(jdbc, entries, stories);
            System.out.printf(Locale.ROOT, "audit views: %,d ledger entries (%,d stories) written in %.0f s%n", written, stories.size(),
                    (System.nanoTime() - writing) / 1e9);
            LedgerReader ledger = new LedgerReader(new NamedParameterJdbcTemplate(dataSource));
            PowerMapTables tables = new PowerMapTables(new NamedParameterJdbcTemplate(dataSource));
            PowerMapFollower follower = new PowerMapFollower(ledger, tables, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
            long folding = System.nanoTime();
            follower.catchUp();
            double foldSeconds = (System.nanoTime() - folding) / 1e9;
            jdbc.execute("analyze");
            System.out.printf(Locale.ROOT, "audit views: power map folded in %.0f s (%,.0f entries/s); %,d rows of what entries counted, %,d per-day rows%n", foldSeconds,
                    written / foldSeconds, jdbc.queryForObject("select count(*) from power_map_contribution", Long.class),
                    jdbc.queryForObject("select count(*) from power_map_day", Long.class));

            String size = String.format(Locale.ROOT, "%,d entries", written);
            List<Figure> figures = new ArrayList<>(proposalViews(jdbc, ledger, stories, size));

            Instant first = Instant.parse("2026-01-01T00:00:00Z");
            Instant monthFrom = first.plus(Duration.ofDays(60));
            long[] everything = time(() -> PowerMaps.of(tables, null, null, null), follower);
            long[] month = time(() -> PowerMaps.of(tables, monthFrom, monthFrom.plus(Duration.ofDays(30)), "parks"), follower);
            long[] day = time(() -> PowerMaps.of(tables, monthFrom.plus(Duration.ofHours(7)), monthFrom.plus(Duration.ofHours(31)), null), follower);
            long[] raw = time(() -> jdbc.queryForList("select actor_id, role, measure, currency, sum(n), sum(amount) from power_map_day "
                    + "group by actor_id, role, measure, currency").size(), null);

            Runtime runtime = Runtime.getRuntime();
            System.gc();
            long before = runtime.totalMemory() - runtime.freeMemory();
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            PowerMap held = PowerMaps.of(tables, null, null, null);
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            System.gc();
            long retained = runtime.totalMemory() - runtime.freeMemory() - before;
            long heapInUse = runtime.totalMemory() - runtime.freeMemory();
            System.out.printf(Locale.ROOT, "power map (everything): %,d actors, %,d decisions listed (of %,d), %,d funds; %,d MB allocated to build it, "
                    + "%,d MB retained, heap in use %,d MB%n", held.actors().size(), held.decisions().size(),
                    jdbc.queryForObject("select count(*) from power_map_decision", Long.class), held.funds().size(),
                    allocated >> 20, retained >> 20, heapInUse >> 20);
            double rawP95 = Benchmarks.millis(raw, 0.95);
            figures.add(figure("Power map p95, everything, " + size, everything, rawP95, 200));
            figures.add(figure("Power map p95, one area over a month, " + size, month, rawP95, 200));
            figures.add(figure("Power map p95, one day (partial days), " + size, day, rawP95, 200));
            figures.add(new Figure("Power map heap, everything, " + size,
                    String.format(Locale.ROOT, "%,d MB retained by the map, %,d MB allocated building it", retained >> 20, allocated >> 20),
                    "-", Double.NaN, "<= 256 MB", allocated >> 20 <= 256));
            figures.add(new Figure("Power map fold (catching up from empty), " + size,
                    String.format(Locale.ROOT, "%,.0f entries/s", written / foldSeconds), "-", Double.NaN, "-", true));
            return figures;
        } finally {
            dataSource.close();
            new JdbcTemplate(new DriverManagerDataSource(server.jdbcUrl("postgres"), server.username(), server.password()))
                    .execute("drop database if exists " + database + " with (force)");
        }
    }

    private static Figure figure(String name, long[] sorted, double rawP95, double goalMillis) {
        return figure(name, sorted, "PostgreSQL summing the per-day rows", rawP95, goalMillis);
    }

    private static Figure figure(String name, long[] sorted, String raw, double rawP95, double goalMillis) {
        double p95 = Benchmarks.millis(sorted, 0.95);
        return new Figure(name, String.format(Locale.ROOT, "%s (p50 %s)", millis(p95), millis(Benchmarks.millis(sorted, 0.5))),
                String.format(Locale.ROOT, "%s: %s", raw, millis(rawP95)), rawP95 / p95,
                "<= " + (int) goalMillis + " ms", p95 <= goalMillis);
    }

    /** Whole milliseconds from ten on, tenths below: a view that answers in under a millisecond is not "0 ms". */
    private static String millis(double value) {
        return String.format(Locale.ROOT, value >= 10 ? "%.0f ms" : "%.1f ms", value);
    }

    /**
     * The decision history and the as-of replay, each as the API answers it, for proposals spread over the ledger
     * (the first story, the last and evenly between), the replay at an instant inside the story (its votes being cast);
     * beside PostgreSQL reading the rows keyed by the proposal, its case and its initiative. Each request's heap is what
     * its thread allocated.
     */
    private static List<Figure> proposalViews(JdbcTemplate jdbc, LedgerReader ledger, List<Story> stories, String size) {
        List<Story> picked = new ArrayList<>();
        for (int i = 0; i < PROPOSAL_SAMPLES; i++) {
            picked.add(stories.get((int) ((long) i * (stories.size() - 1) / (PROPOSAL_SAMPLES - 1))));
        }
        Story warmUp = stories.get(stories.size() / 3);
        int steps = DecisionHistories.read(ledger, warmUp.proposal()).orElseThrow().steps().size();
        int applied = ProposalReplay.read(ledger, warmUp.proposal(), warmUp.at().plus(INTO_THE_STORY)).orElseThrow().entriesApplied();
        System.out.printf(Locale.ROOT, "audit views: a story's history tells %d steps; its replay %s in applies %d entries%n",
                steps, INTO_THE_STORY, applied);
        Measured history = measure(picked, story -> DecisionHistories.read(ledger, story.proposal()).orElseThrow());
        Measured asOf = measure(picked, story -> ProposalReplay.read(ledger, story.proposal(), story.at().plus(INTO_THE_STORY)).orElseThrow());
        Measured raw = measure(picked, story -> jdbc.queryForList("select payload from ledger_entry where subject in (?, ?, ?) "
                + "or payload_json ->> 'proposalId' = ?", story.proposal(), story.caseId(), story.initiative(), story.proposal()));
        double rawP95 = Benchmarks.millis(raw.nanos(), 0.95);
        String rawText = "PostgreSQL reading the rows keyed by the proposal's ids";
        String spread = String.format(Locale.ROOT, ", %d proposals early to late, %s", PROPOSAL_SAMPLES, size);
        System.out.printf(Locale.ROOT, "audit views: history p95 %.1f ms p50 %.1f ms, max %.1f ms; as-of p95 %.1f ms p50 %.1f ms, max %.1f ms; "
                        + "raw p95 %.1f ms; allocated per history %,d KB (max %,d KB), per as-of %,d KB (max %,d KB)%n",
                Benchmarks.millis(history.nanos(), 0.95), Benchmarks.millis(history.nanos(), 0.5), Benchmarks.millis(history.nanos(), 1),
                Benchmarks.millis(asOf.nanos(), 0.95), Benchmarks.millis(asOf.nanos(), 0.5), Benchmarks.millis(asOf.nanos(), 1),
                rawP95, history.meanBytes() >> 10, history.maxBytes() >> 10, asOf.meanBytes() >> 10, asOf.maxBytes() >> 10);
        return List.of(
                figure("Decision history p95" + spread, history.nanos(), rawText, rawP95, 200),
                figure("As-of replay p95, inside the story" + spread, asOf.nanos(), rawText, rawP95, 200),
                new Figure("Decision history and as-of heap per request, " + size, String.format(Locale.ROOT,
                        "history %,d KB allocated (max %,d KB), as-of %,d KB (max %,d KB)", history.meanBytes() >> 10,
                        history.maxBytes() >> 10, asOf.meanBytes() >> 10, asOf.maxBytes() >> 10),
                        "-", Double.NaN, "-", true));
    }

    /** Request times, sorted, and the heap each request's thread allocated. */
    private record Measured(long[] nanos, long meanBytes, long maxBytes) {
    }

    private static Measured measure(List<Story> picked, java.util.function.Function<Story, Object> view) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] nanos = new long[picked.size()];
        long totalBytes = 0;
        long maxBytes = 0;
        for (int i = 0; i < picked.size(); i++) {
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            view.apply(picked.get(i));
            nanos[i] = System.nanoTime() - start;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            totalBytes += allocated;
            maxBytes = Math.max(maxBytes, allocated);
        }
        Arrays.sort(nanos);
        return new Measured(nanos, totalBytes / picked.size(), maxBytes);
    }

    private static long[] time(Supplier<Object> map, PowerMapFollower follower) {
        map.get();
        long[] nanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            if (follower != null) {
                follower.catchUp();
            }
            map.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static int fill(JdbcTemplate jdbc, int entries, List<Story> stories) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Object[]> rows = new ArrayList<>();
        long[] position = {0};
        String fund = null;
        String fundArea = null;
        boolean[] registered = new boolean[CITIZENS];
        for (int story = 0; position[0] < entries; story++) {
            String area = AREAS[story % AREAS.length];
            Instant at = start.plus(Duration.ofMinutes(5L * story));
            String commissioner = "commissioner-" + (story % 50);
            String chair = "commissioner-" + ((story + 1) % 50);
            if (story % 100 < AREAS.length) {
                fund = "fund-" + story;
                fundArea = area;
                add(rows, position, at, commissioner, Role.COMMISSIONER, fund, new FundCreated(fund, "Fund " + story, area,
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), gbp(100_000), List.of(commissioner, chair)));
            }
            String proposal = UUID.randomUUID().toString();
            String caseId = UUID.randomUUID().toString();
            int[] citizens = {story % CITIZENS, (story * 7 + 3) % CITIZENS, (story * 13 + 5) % CITIZENS};
            for (int citizen : citizens) {
                if (!registered[citizen]) {
                    registered[citizen] = true;
                    boolean namedPublicly = citizen % 3 == 0;
                    add(rows, position, at.minusSeconds(1), "citizen-" + citizen, Role.CITIZEN, "citizen-" + citizen,
                            new ProfileRegistered("citizen-" + citizen, (namedPublicly ? "Neighbour " : "Gardener ") + citizen, namedPublicly,
                                    List.of(Role.CITIZEN), "Ward " + citizen % 20, "time and tools", true, citizen % 2 == 0, false));
                }
            }
            String author = "citizen-" + citizens[0];
            String member = "citizen-" + citizens[1];
            String recused = "citizen-" + citizens[2];
            ProposalContent content = new ProposalContent("A garden " + story, "Neighbours grow food together", area,
                    List.of(new Asset(AssetKind.PLACE, "The walled garden", "Central Library")), new Ask(gbp(1200), List.of("raised beds")),
                    List.of("More connection between neighbours"));
            add(rows, position, at, author, Role.CITIZEN, proposal, new ProposalDrafted(proposal, author, Role.CITIZEN, content));
            add(rows, position, at.plusSeconds(10), "roundtable-commissioning", Role.SYSTEM, caseId,
                    new DecisionCaseOpened(caseId, proposal, "A garden " + story, area, gbp(1200)));
            List<PanelMember> panel = List.of(new PanelMember(chair, Role.COMMISSIONER), new PanelMember(member, Role.CITIZEN),
                    new PanelMember(recused, Role.CITIZEN));
            add(rows, position, at.plusSeconds(20), chair, Role.COMMISSIONER, caseId,
                    new PanelAssembled(caseId, panel, chair, at.plus(Duration.ofDays(7)), fundArea.equals(area) ? fund : null, gbp(1200), proposal, area));
            add(rows, position, at.plusSeconds(30), recused, Role.CITIZEN, caseId,
                    new InterestDeclared(caseId, recused, true, "my street", true, proposal));
            add(rows, position, at.plusSeconds(40), chair, Role.COMMISSIONER, caseId, new VoteCast(caseId, chair, Vote.APPROVE, "yes", null, proposal));
            add(rows, position, at.plusSeconds(50), member, Role.CITIZEN, caseId, new VoteCast(caseId, member, Vote.REJECT, "not yet", null, proposal));
            add(rows, position, at.plusSeconds(60), member, Role.CITIZEN, caseId, new VoteCast(caseId, member, Vote.APPROVE, "yes now", null, proposal));
            add(rows, position, at.plusSeconds(70), chair, Role.COMMISSIONER, caseId, new DecisionReached(caseId, proposal, DecisionOutcome.APPROVED,
                    List.of(new RollEntry(chair, Role.COMMISSIONER, Vote.APPROVE, "yes", false, null),
                            new RollEntry(member, Role.CITIZEN, Vote.APPROVE, "yes now", false, null),
                            new RollEntry(recused, Role.CITIZEN, null, null, true, "my street")),
                    new Allocation(fund, gbp(1200)), "closed by the chair", area));
            add(rows, position, at.plusSeconds(80), "roundtable-commissioning", Role.SYSTEM, fund,
                    new FundsAllocated(fund, caseId, proposal, gbp(1200), gbp(50_000), area));
            add(rows, position, at.plusSeconds(90), member, Role.CITIZEN, proposal,
                    new AssetPledged(proposal, "pledge-" + story, member, null, AssetKind.TIME, "watering", 4));
            add(rows, position, at.plusSeconds(100), "roundtable-outcomes", Role.SYSTEM, "initiative-" + story,
                    new InitiativeStarted("initiative-" + story, proposal, caseId, "A garden " + story, area, gbp(1200), List.of()));
            stories.add(new Story(proposal, caseId, "initiative-" + story, at));
            if (rows.size() >= 10_000) {
                insert(jdbc, rows);
            }
        }
        insert(jdbc, rows);
        return (int) position[0];
    }

    private static void add(List<Object[]> rows, long[] position, Instant at, String actorId, Role role, String subject, IntegrationEvent event) {
        EventType type = RoundtableEvents.CATALOG.typeOf(event.getClass());
        long p = ++position[0];
        String source = type.value().split("\\.")[2];
        try {
            String payload = JSON.writeValueAsString(event);
            rows.add(new Object[]{p, UUID.randomUUID().toString(), source, type.value(), type.name(), subject, actorId, role.name(),
                    role == Role.CITIZEN ? null : actorId, Timestamp.from(at), Timestamp.from(at), "roundtable." + source, p,
                    payload, payload, p});
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("""
                insert into ledger_entry (position, event_id, source, type, event_name, subject, actor_id, actor_role, actor_name,
                    occurred_at, recorded_at, topic, kafka_partition, kafka_offset, payload, payload_json, previous_hash, hash, headers, chain_index)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?::jsonb, repeat('0', 64), repeat('0', 64), '[]', ?)""", rows);
        rows.clear();
    }

    private static Money gbp(long pounds) {
        return new Money(BigDecimal.valueOf(pounds).setScale(2), "GBP");
    }
}
