package org.roundtable.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.roundtable.audit.history.LedgerReader;
import org.roundtable.audit.powermap.PowerMap;
import org.roundtable.audit.powermap.PowerMaps;
import org.roundtable.audit.projection.PowerMapFollower;
import org.roundtable.audit.projection.PowerMapTables;
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
 * The power map on a ledger of N entries: whole decision stories (a proposal drafted, a case opened, a panel of three,
 * a recusal, three votes, a decision, an allocation, a pledge, an initiative; a fund per hundred stories), five minutes
 * apart, written in bulk into a fresh audit database with the service's own schema, then folded by the service's
 * follower. Times the map as the API answers it (catching up, then reading the sums) for everything, one area over a
 * month and one day, beside PostgreSQL summing the per-day rows the map rests on; and the heap a map takes.
 */
final class PowerMapAtScale {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String[] AREAS = {"libraries", "parks", "youth services", "adult social care", "housing"};
    private static final int SAMPLES = 20;
    private static final int ENTRIES_PER_STORY = 12;

    private PowerMapAtScale() {
    }

    static List<Figure> run(int entries) {
        PostgresServer server = SharedInfrastructure.postgres();
        String database = "power_map_benchmark_" + System.currentTimeMillis();
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
            int written = fill(jdbc, entries);
            System.out.printf(Locale.ROOT, "power map: %,d ledger entries written in %.0f s%n", written, (System.nanoTime() - writing) / 1e9);
            LedgerReader ledger = new LedgerReader(new NamedParameterJdbcTemplate(dataSource));
            PowerMapTables tables = new PowerMapTables(new NamedParameterJdbcTemplate(dataSource));
            PowerMapFollower follower = new PowerMapFollower(ledger, tables, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
            long folding = System.nanoTime();
            follower.catchUp();
            double foldSeconds = (System.nanoTime() - folding) / 1e9;
            jdbc.execute("analyze");
            System.out.printf(Locale.ROOT, "power map: folded in %.0f s (%,.0f entries/s); %,d rows of what entries counted, %,d per-day rows%n", foldSeconds,
                    written / foldSeconds, jdbc.queryForObject("select count(*) from power_map_contribution", Long.class),
                    jdbc.queryForObject("select count(*) from power_map_day", Long.class));

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
            List<Figure> figures = new ArrayList<>();
            String size = String.format(Locale.ROOT, "%,d entries", written);
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
        double p95 = Benchmarks.millis(sorted, 0.95);
        return new Figure(name, String.format(Locale.ROOT, "%.0f ms (p50 %.0f ms)", p95, Benchmarks.millis(sorted, 0.5)),
                String.format(Locale.ROOT, "PostgreSQL summing the per-day rows: %.0f ms", rawP95), rawP95 / p95,
                "<= " + (int) goalMillis + " ms", p95 <= goalMillis);
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

    private static int fill(JdbcTemplate jdbc, int entries) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Object[]> rows = new ArrayList<>();
        long[] position = {0};
        String fund = null;
        String fundArea = null;
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
            String author = "citizen-" + (story % 2000);
            String member = "citizen-" + ((story * 7 + 3) % 2000);
            String recused = "citizen-" + ((story * 13 + 5) % 2000);
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
            rows.add(new Object[]{p, UUID.randomUUID().toString(), source, type.value(), type.name(), subject, actorId, role.name(),
                    role == Role.CITIZEN ? null : actorId, Timestamp.from(at), Timestamp.from(at), "roundtable." + source, p,
                    JSON.writeValueAsString(event), p});
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("""
                insert into ledger_entry (position, event_id, source, type, event_name, subject, actor_id, actor_role, actor_name,
                    occurred_at, recorded_at, topic, kafka_partition, kafka_offset, payload, previous_hash, hash, headers, chain_index)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, repeat('0', 64), repeat('0', 64), '[]', ?)""", rows);
        rows.clear();
    }

    private static Money gbp(long pounds) {
        return new Money(BigDecimal.valueOf(pounds).setScale(2), "GBP");
    }
}
