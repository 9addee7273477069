package org.roundtable.audit.powermap;

import org.roundtable.audit.history.PublicNames;
import org.roundtable.audit.powermap.PowerMap.DecisionAtTable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link PowerMapStore} in memory, for a power map computed at once from a list of entries ({@link PowerMaps#of(List,
 * Instant, Instant, String)}): the reference the kept map is compared with.
 */
final class MemoryPowerMapStore implements PowerMapStore, PowerMapStore.Folding {

    private final Map<Fact, Map<String, Object>> facts = new EnumMap<>(Fact.class);
    private final List<Contribution> contributions = new ArrayList<>();
    private final List<Map.Entry<Long, DecisionAtTable>> decisions = new ArrayList<>();

    @Override
    public <T> T fact(Fact kind, String id, Class<T> type) {
        return type.cast(facts.getOrDefault(kind, Map.of()).get(id));
    }

    @Override
    public void putFact(Fact kind, String id, Object value) {
        facts.computeIfAbsent(kind, k -> new HashMap<>()).put(id, value);
    }

    @Override
    public void add(Contribution contribution) {
        contributions.add(contribution);
    }

    @Override
    public void add(DecisionAtTable decision, long position) {
        decisions.add(Map.entry(position, decision));
    }

    @Override
    public List<Total> totals(Instant from, Instant to, String area) {
        Set<String> withdrawn = contributions.stream()
                .filter(c -> c.measure() == Measure.PLEDGE_WITHDRAWN && (to == null || c.occurredAt().isBefore(to)))
                .map(Contribution::ref).collect(Collectors.toSet());
        record Key(String actorId, String role, Measure measure, String currency) {
        }
        Map<Key, List<Contribution>> grouped = new LinkedHashMap<>();
        for (Contribution c : contributions) {
            if (c.actorId() != null && inPeriod(c.occurredAt(), from, to) && inArea(c.area(), area)
                    && !(c.measure() == Measure.HOURS_PLEDGED && withdrawn.contains(c.ref()))) {
                grouped.computeIfAbsent(new Key(c.actorId(), c.role(), c.measure(), c.currency()), k -> new ArrayList<>()).add(c);
            }
        }
        List<Total> totals = new ArrayList<>();
        grouped.forEach((key, counted) -> totals.add(new Total(key.actorId(), key.role(), key.measure(), key.currency(), counted.size(),
                counted.stream().map(Contribution::amount).filter(Objects::nonNull).reduce(BigDecimal::add).orElse(null),
                counted.stream().map(Contribution::ref).filter(Objects::nonNull).distinct().count())));
        return totals;
    }

    @Override
    public Map<String, BigDecimal> allocatedFromFunds(Instant from, Instant to, String area) {
        Map<String, BigDecimal> allocated = new HashMap<>();
        contributions.stream().filter(c -> c.measure() == Measure.FUND_ALLOCATED && inPeriod(c.occurredAt(), from, to) && inArea(c.area(), area))
                .forEach(c -> allocated.merge(c.ref(), c.amount(), BigDecimal::add));
        return allocated;
    }

    @Override
    public int unreadable(Instant from, Instant to) {
        return (int) contributions.stream().filter(c -> c.measure() == Measure.UNREADABLE && inPeriod(c.occurredAt(), from, to)).count();
    }

    @Override
    public Decisions decisions(Instant from, Instant to, String area, long after, int limit) {
        List<Map.Entry<Long, DecisionAtTable>> reached = decisions.stream()
                .filter(d -> inPeriod(d.getValue().decidedAt(), from, to) && inArea(d.getValue().serviceArea(), area))
                .sorted(Comparator.comparing((Map.Entry<Long, DecisionAtTable> d) -> d.getValue().decidedAt()).thenComparing(Map.Entry::getKey))
                .toList();
        Instant afterAt = after == 0 ? null : decisions.stream().filter(d -> d.getKey() == after).map(d -> d.getValue().decidedAt())
                .findFirst().orElseThrow(() -> PowerMapStore.noDecisionAt(after));
        List<Map.Entry<Long, DecisionAtTable>> following = reached.stream()
                .filter(d -> afterAt == null || (d.getValue().decidedAt().isAfter(afterAt)
                        || d.getValue().decidedAt().equals(afterAt) && d.getKey() > after))
                .limit(limit + 1L).toList();
        List<Map.Entry<Long, DecisionAtTable>> listed = following.subList(0, Math.min(limit, following.size()));
        return new Decisions(listed.stream().map(Map.Entry::getValue).toList(),
                following.size() > limit ? listed.get(listed.size() - 1).getKey() : null);
    }

    @Override
    public List<FundFacts> funds(Instant to) {
        return facts.getOrDefault(Fact.FUND, Map.of()).values().stream().map(FundFacts.class::cast)
                .filter(fund -> to == null || fund.createdAt().isBefore(to)).toList();
    }

    @Override
    public PublicNames names(Collection<String> personIds) {
        Set<String> wanted = new HashSet<>(personIds);
        return PublicNames.of(known(Fact.PROFILE_NAME, wanted), known(Fact.OFFICE_NAME, wanted));
    }

    private Map<String, String> known(Fact kind, Set<String> wanted) {
        Map<String, String> names = new HashMap<>();
        facts.getOrDefault(kind, Map.of()).forEach((id, name) -> {
            if (wanted.contains(id)) {
                names.put(id, (String) name);
            }
        });
        return names;
    }

    private static boolean inPeriod(Instant at, Instant from, Instant to) {
        return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
    }

    static boolean inArea(String area, String wanted) {
        return wanted == null || area != null && area.strip().equalsIgnoreCase(wanted);
    }
}
