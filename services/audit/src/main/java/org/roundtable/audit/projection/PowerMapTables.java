package org.roundtable.audit.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.roundtable.audit.history.PublicNames;
import org.roundtable.audit.powermap.PowerMap.DecisionAtTable;
import org.roundtable.audit.powermap.PowerMapStore;
import org.roundtable.events.EventJson;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The power map's tables ({@code power_map_*} in {@code schema.sql}): what {@link PowerMapFollower} folds into them, read
 * back as sums. A period's sums read the per-day table for its whole UTC days and the per-entry table only for the parts
 * of days at either end, so a year's map reads a year of days, not a year of entries.
 */
@Repository
public class PowerMapTables implements PowerMapStore {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final long FOLDING_LOCK = 0x706f7765726d6170L;
    private static final Instant BEFORE_ALL = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_ALL = Instant.parse("9999-12-31T00:00:00Z");

    /** Summed per day as well as kept per entry: every measure that neither counts distinct cases nor a later withdrawal. */
    static final Set<Measure> BY_DAY = EnumSet.of(Measure.DECISION_CLOSED, Measure.DECISION_VOTED_IN, Measure.VOTE_CAST,
            Measure.HOURS_GIVEN, Measure.PROPOSAL_DRAFTED, Measure.CO_DESIGN_JOINED, Measure.WORKSHOP_CONTRIBUTION,
            Measure.ALLOCATED_ON_PANEL);

    private static final String IN_AREA = "(cast(:area as text) is null or lower(btrim(area)) = lower(:area))";

    private static final String TOTALS = """
            select actor_id, role, measure, currency, sum(n) as n, sum(amount) as amount, 0 as refs from (
                select actor_id, nullif(role, '') as role, measure, nullif(currency, '') as currency, n, amount
                  from power_map_day
                 where day >= :firstDay and day < :endDay and %1$s
                union all
                select actor_id, role, measure, nullif(currency, ''), 1, amount
                  from power_map_contribution
                 where measure in (:byDay) and %1$s
                   and (occurred_at >= :from and occurred_at < :headEnd or occurred_at >= :tailStart and occurred_at < :to)
            ) counted group by actor_id, role, measure, currency
            union all
            select actor_id, role, measure, currency, count(*), sum(amount), count(distinct ref)
              from power_map_contribution c
             where measure in ('RECUSAL', 'HOURS_PLEDGED') and occurred_at >= :from and occurred_at < :to and %1$s
               and not (measure = 'HOURS_PLEDGED' and exists (select 1 from power_map_contribution w
                        where w.measure = 'PLEDGE_WITHDRAWN' and w.ref = c.ref and w.occurred_at < :to))
             group by actor_id, role, measure, currency""".formatted(IN_AREA);

    /** The map of all time in every area: the sums kept since the first entry ({@code power_map_all_time}). */
    private static final String ALL_TIME_TOTALS = """
            select actor_id, nullif(role, '') as role, measure, nullif(currency, '') as currency, n, amount, refs
              from power_map_all_time
             where n > 0 and measure <> 'FUND_ALLOCATED'""";

    private final NamedParameterJdbcTemplate jdbc;

    public PowerMapTables(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Total> totals(Instant from, Instant to, String area) {
        String query = allTime(from, to, area) ? ALL_TIME_TOTALS : TOTALS;
        return jdbc.query(query, period(from, to, area).addValue("byDay", BY_DAY.stream().map(Enum::name).toList()),
                (row, number) -> new Total(row.getString("actor_id"), row.getString("role"), Measure.valueOf(row.getString("measure")),
                        row.getString("currency"), row.getLong("n"), row.getBigDecimal("amount"), row.getLong("refs")));
    }

    @Override
    public Map<String, BigDecimal> allocatedFromFunds(Instant from, Instant to, String area) {
        Map<String, BigDecimal> allocated = new HashMap<>();
        jdbc.query(allTime(from, to, area)
                        ? "select ref, sum(amount) from power_map_all_time where measure = 'FUND_ALLOCATED' group by ref"
                        : "select ref, sum(amount) from power_map_contribution where measure = 'FUND_ALLOCATED' "
                        + "and occurred_at >= :from and occurred_at < :to and " + IN_AREA + " group by ref",
                period(from, to, area), row -> {
                    allocated.put(row.getString(1), row.getBigDecimal(2));
                });
        return allocated;
    }

    @Override
    public int unreadable(Instant from, Instant to) {
        Integer count = jdbc.queryForObject("select count(*) from power_map_contribution where measure = 'UNREADABLE' "
                + "and occurred_at >= :from and occurred_at < :to", period(from, to, null), Integer.class);
        return count == null ? 0 : count;
    }

    @Override
    public Decisions decisions(Instant from, Instant to, String area, long after, int limit) {
        MapSqlParameterSource parameters = period(from, to, area).addValue("limit", limit + 1L);
        String following = "";
        if (after != 0) {
            List<OffsetDateTime> at = jdbc.queryForList("select occurred_at from power_map_decision where position = :after",
                    new MapSqlParameterSource("after", after), OffsetDateTime.class);
            if (at.isEmpty()) {
                throw PowerMapStore.noDecisionAt(after);
            }
            following = " and (occurred_at, position) > (:afterAt, :after)";
            parameters.addValue("afterAt", at.get(0)).addValue("after", after);
        }
        List<Map.Entry<Long, DecisionAtTable>> page = jdbc.query("select position, decision from power_map_decision "
                        + "where occurred_at >= :from and occurred_at < :to and " + IN_AREA + following
                        + " order by occurred_at, position limit :limit", parameters,
                (row, number) -> Map.entry(row.getLong(1), read(row.getString(2), DecisionAtTable.class)));
        List<Map.Entry<Long, DecisionAtTable>> listed = page.subList(0, Math.min(limit, page.size()));
        return new Decisions(listed.stream().map(Map.Entry::getValue).toList(),
                page.size() > limit ? listed.get(listed.size() - 1).getKey() : null);
    }

    @Override
    public List<FundFacts> funds(Instant to) {
        return jdbc.query("select fact from power_map_fact where kind = 'FUND'", (row, number) -> read(row.getString(1), FundFacts.class))
                .stream().filter(fund -> to == null || fund.createdAt().isBefore(to)).toList();
    }

    @Override
    public PublicNames names(Collection<String> personIds) {
        Map<String, String> profiles = new HashMap<>();
        Map<String, String> offices = new HashMap<>();
        if (!personIds.isEmpty()) {
            jdbc.query("select kind, id, fact from power_map_fact where kind in ('PROFILE_NAME', 'OFFICE_NAME') and id = any(:ids)",
                    new MapSqlParameterSource("ids", personIds.stream().filter(Objects::nonNull).toArray(String[]::new)), row -> {
                        (Fact.PROFILE_NAME.name().equals(row.getString(1)) ? profiles : offices).put(row.getString(2), read(row.getString(3), String.class));
                    });
        }
        return PublicNames.of(profiles, offices);
    }

    /** How far the ledger has been folded: the position of the last entry folded. */
    long foldedPosition() {
        Long position = jdbc.getJdbcTemplate().queryForObject("select position from power_map_folded where id = 1", Long.class);
        return position == null ? 0 : position;
    }

    /** Serialises folders of one database for their transaction. */
    void lockFolding() {
        jdbc.getJdbcTemplate().queryForObject("select pg_advisory_xact_lock(?)", Object.class, FOLDING_LOCK);
    }

    /** Forgets everything folded, to fold the ledger again from its first entry. */
    void clear() {
        jdbc.getJdbcTemplate().execute("truncate power_map_fact, power_map_contribution, power_map_day, power_map_decision, power_map_all_time");
        jdbc.getJdbcTemplate().update("update power_map_folded set position = 0 where id = 1");
    }

    /** A fold's view of the tables: facts read once and kept (up to a bound), writes held until {@link Session#flush}. */
    Session session() {
        return new Session();
    }

    private static boolean allTime(Instant from, Instant to, String area) {
        return from == null && to == null && area == null;
    }

    private static MapSqlParameterSource period(Instant from, Instant to, String area) {
        Instant start = from == null ? BEFORE_ALL : from;
        Instant end = to == null ? AFTER_ALL : to;
        LocalDate firstDay = LocalDate.ofInstant(start, ZoneOffset.UTC);
        if (!firstDay.atStartOfDay(ZoneOffset.UTC).toInstant().equals(start)) {
            firstDay = firstDay.plusDays(1);
        }
        LocalDate endDay = LocalDate.ofInstant(end, ZoneOffset.UTC);
        Instant headEnd = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant tailStart = endDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!firstDay.isBefore(endDay)) {
            headEnd = end;
            tailStart = end;
            endDay = firstDay;
        }
        return new MapSqlParameterSource("from", utc(start)).addValue("to", utc(end)).addValue("area", area)
                .addValue("firstDay", firstDay).addValue("endDay", endDay)
                .addValue("headEnd", utc(headEnd)).addValue("tailStart", utc(tailStart));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("the power map's tables hold what this version cannot read: " + json, unreadable);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }

    private record FactKey(Fact kind, String id) {
    }

    private record DayKey(LocalDate day, String area, String actorId, String role, Measure measure, String currency) {
    }

    /** What one fold reads and writes; facts stay known across flushes, up to {@link #KEPT_FACTS} of them. */
    final class Session implements PowerMapStore.Folding {

        private static final int KEPT_FACTS = 50_000;

        private final Map<FactKey, Optional<Object>> known = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<FactKey, Optional<Object>> eldest) {
                return size() > KEPT_FACTS && !changed.containsKey(eldest.getKey());
            }
        };
        private final Map<FactKey, Object> changed = new LinkedHashMap<>();
        private final List<Contribution> contributions = new ArrayList<>();
        private final List<Object[]> decisions = new ArrayList<>();

        @Override
        public <T> T fact(Fact kind, String id, Class<T> type) {
            if (id == null) {
                return null;
            }
            FactKey key = new FactKey(kind, id);
            Optional<Object> fact = known.get(key);
            if (fact == null) {
                List<String> stored = jdbc.queryForList("select fact from power_map_fact where kind = :kind and id = :id",
                        new MapSqlParameterSource("kind", kind.name()).addValue("id", id), String.class);
                fact = stored.isEmpty() ? Optional.empty() : Optional.of(read(stored.get(0), type));
                known.put(key, fact);
            }
            return type.cast(fact.orElse(null));
        }

        @Override
        public void putFact(Fact kind, String id, Object value) {
            FactKey key = new FactKey(kind, id);
            changed.put(key, value);
            known.put(key, Optional.of(value));
        }

        @Override
        public void add(Contribution contribution) {
            contributions.add(contribution);
        }

        @Override
        public void add(DecisionAtTable decision, long position) {
            decisions.add(new Object[]{position, utc(decision.decidedAt()), decision.serviceArea(), write(decision)});
        }

        @Override
        public PublicNames names(Collection<String> personIds) {
            Map<String, String> profiles = new HashMap<>();
            Map<String, String> offices = new HashMap<>();
            for (String person : personIds) {
                Optional.ofNullable(fact(Fact.PROFILE_NAME, person, String.class)).ifPresent(name -> profiles.put(person, name));
                Optional.ofNullable(fact(Fact.OFFICE_NAME, person, String.class)).ifPresent(name -> offices.put(person, name));
            }
            return PublicNames.of(profiles, offices);
        }

        /** Writes what was folded since the last flush, and that the ledger is folded up to {@code position}. */
        void flush(long position) {
            jdbc.getJdbcTemplate().batchUpdate("insert into power_map_fact (kind, id, fact) values (?, ?, ?) "
                            + "on conflict (kind, id) do update set fact = excluded.fact",
                    changed.entrySet().stream().map(fact -> new Object[]{fact.getKey().kind().name(), fact.getKey().id(), write(fact.getValue())})
                            .toList());
            jdbc.getJdbcTemplate().batchUpdate("insert into power_map_contribution (position, occurred_at, area, actor_id, role, measure, "
                            + "amount, currency, ref) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    contributions.stream().map(c -> new Object[]{c.position(), utc(c.occurredAt()), c.area(), c.actorId(), c.role(),
                            c.measure().name(), c.amount(), c.currency(), c.ref()}).toList());
            Map<DayKey, Object[]> days = new LinkedHashMap<>();
            for (Contribution c : contributions) {
                if (BY_DAY.contains(c.measure())) {
                    DayKey key = new DayKey(LocalDate.ofInstant(c.occurredAt(), ZoneOffset.UTC), blank(c.area()), blank(c.actorId()),
                            blank(c.role()), c.measure(), blank(c.currency()));
                    Object[] sums = days.computeIfAbsent(key, k -> new Object[]{0L, null});
                    sums[0] = (Long) sums[0] + 1;
                    if (c.amount() != null) {
                        sums[1] = sums[1] == null ? c.amount() : ((BigDecimal) sums[1]).add(c.amount());
                    }
                }
            }
            jdbc.getJdbcTemplate().batchUpdate("insert into power_map_day (day, area, actor_id, role, measure, currency, n, amount) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (day, area, actor_id, role, measure, currency) do update "
                            + "set n = power_map_day.n + excluded.n, amount = case when excluded.amount is null then power_map_day.amount "
                            + "else coalesce(power_map_day.amount, 0) + excluded.amount end",
                    days.entrySet().stream().map(day -> new Object[]{day.getKey().day(), day.getKey().area(), day.getKey().actorId(),
                            day.getKey().role(), day.getKey().measure().name(), day.getKey().currency(), day.getValue()[0], day.getValue()[1]})
                            .toList());
            jdbc.getJdbcTemplate().batchUpdate("insert into power_map_decision (position, occurred_at, area, decision) values (?, ?, ?, ?)",
                    decisions);
            jdbc.getJdbcTemplate().batchUpdate("insert into power_map_all_time (actor_id, role, measure, currency, ref, n, amount, refs) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (actor_id, role, measure, currency, ref) do update "
                            + "set n = power_map_all_time.n + excluded.n, amount = case when excluded.amount is null "
                            + "then power_map_all_time.amount else coalesce(power_map_all_time.amount, 0) + excluded.amount end, "
                            + "refs = power_map_all_time.refs + excluded.refs",
                    allTimeSums().entrySet().stream().map(sum -> new Object[]{sum.getKey().actorId(), sum.getKey().role(),
                            sum.getKey().measure().name(), sum.getKey().currency(), sum.getKey().ref(), sum.getValue().n,
                            sum.getValue().amount, sum.getValue().refs}).toList());
            jdbc.getJdbcTemplate().update("update power_map_folded set position = ? where id = 1", position);
            changed.clear();
            contributions.clear();
            decisions.clear();
        }

        /**
         * What the contributions since the last flush add to the sums of all time: every measure summed per day, and
         * each fund's allocations, as they come; a recusal once per actor, role and case; hours pledged until the pledge
         * is withdrawn (a withdrawal takes back what its pledge added, and a pledge withdrawn before it is folded adds
         * nothing).
         */
        private Map<AllTimeKey, AllTimeSum> allTimeSums() {
            prefetch(Fact.RECUSED, contributions.stream().filter(c -> c.measure() == Measure.RECUSAL && c.actorId() != null)
                    .map(Session::recusal).toList());
            prefetch(Fact.PLEDGED, contributions.stream().filter(c -> (c.measure() == Measure.HOURS_PLEDGED || c.measure() == Measure.PLEDGE_WITHDRAWN)
                    && c.ref() != null).map(Contribution::ref).toList());
            Map<AllTimeKey, AllTimeSum> sums = new LinkedHashMap<>();
            for (Contribution c : contributions) {
                if (BY_DAY.contains(c.measure())) {
                    sum(sums, c, blank(c.actorId()), c.measure(), "").add(1, c.amount(), 0);
                } else if (c.measure() == Measure.FUND_ALLOCATED && c.ref() != null) {
                    sum(sums, c, "", c.measure(), c.ref()).add(1, c.amount(), 0);
                } else if (c.measure() == Measure.RECUSAL && c.actorId() != null) {
                    boolean first = fact(Fact.RECUSED, recusal(c), Boolean.class) == null;
                    if (first) {
                        putFact(Fact.RECUSED, recusal(c), Boolean.TRUE);
                    }
                    sum(sums, c, c.actorId(), c.measure(), "").add(1, c.amount(), first ? 1 : 0);
                } else if (c.measure() == Measure.HOURS_PLEDGED && c.actorId() != null && c.ref() != null) {
                    Pledged pledged = Objects.requireNonNullElse(fact(Fact.PLEDGED, c.ref(), Pledged.class), Pledged.NONE);
                    if (!pledged.withdrawn()) {
                        List<Contribution> counted = new ArrayList<>(pledged.counted());
                        counted.add(c);
                        putFact(Fact.PLEDGED, c.ref(), new Pledged(false, counted));
                        sum(sums, c, c.actorId(), c.measure(), "").add(1, c.amount(), 0);
                    }
                } else if (c.measure() == Measure.PLEDGE_WITHDRAWN && c.ref() != null) {
                    Pledged pledged = Objects.requireNonNullElse(fact(Fact.PLEDGED, c.ref(), Pledged.class), Pledged.NONE);
                    if (!pledged.withdrawn()) {
                        for (Contribution taken : pledged.counted()) {
                            sum(sums, taken, taken.actorId(), taken.measure(), "").add(-1, taken.amount() == null ? null : taken.amount().negate(), 0);
                        }
                        putFact(Fact.PLEDGED, c.ref(), new Pledged(true, List.of()));
                    }
                }
            }
            return sums;
        }

        private static AllTimeSum sum(Map<AllTimeKey, AllTimeSum> sums, Contribution c, String actorId, Measure measure, String ref) {
            return sums.computeIfAbsent(new AllTimeKey(actorId, blank(c.role()), measure, blank(c.currency()), ref), key -> new AllTimeSum());
        }

        private static String recusal(Contribution c) {
            return c.actorId() + "\u001f" + blank(c.role()) + "\u001f" + c.ref();
        }

        /** Reads the stored facts of this kind about these ids at once, for those not known yet. */
        private void prefetch(Fact kind, Collection<String> ids) {
            String[] unknown = ids.stream().distinct().filter(id -> !known.containsKey(new FactKey(kind, id))).toArray(String[]::new);
            if (unknown.length == 0) {
                return;
            }
            Map<String, String> stored = new HashMap<>();
            jdbc.query("select id, fact from power_map_fact where kind = :kind and id = any(:ids)",
                    new MapSqlParameterSource("kind", kind.name()).addValue("ids", unknown), row -> {
                        stored.put(row.getString(1), row.getString(2));
                    });
            Class<?> type = kind == Fact.RECUSED ? Boolean.class : Pledged.class;
            for (String id : unknown) {
                String fact = stored.get(id);
                known.put(new FactKey(kind, id), fact == null ? Optional.empty() : Optional.of(read(fact, type)));
            }
        }

        private static String blank(String value) {
            return value == null ? "" : value;
        }
    }

    private record AllTimeKey(String actorId, String role, Measure measure, String currency, String ref) {
    }

    /** A change to one row of the sums of all time. */
    private static final class AllTimeSum {
        private long n;
        private BigDecimal amount;
        private long refs;

        void add(long count, BigDecimal more, long moreRefs) {
            n += count;
            if (more != null) {
                amount = amount == null ? more : amount.add(more);
            }
            refs += moreRefs;
        }
    }

    /** What a pledge added to the hours pledged of all time (to take back when it is withdrawn), or that it was withdrawn. */
    public record Pledged(boolean withdrawn, List<Contribution> counted) {
        static final Pledged NONE = new Pledged(false, List.of());
    }
}
