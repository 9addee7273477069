package org.roundtable.audit.history;

import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.outcomes.IndicatorDefined;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.participation.WorkshopScheduled;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the auditor's accounts call things and people instead of their ids: funds, workshops and indicators by their
 * names, people by their public names (see {@link PublicNames}). Ids stay in the entries' own fields.
 */
public final class Labels {

    /** The ledger's events that name a fund. */
    public static final List<String> FUND_EVENTS = List.of("FundCreated");

    /** No names known: every thing and person by its id. */
    public static final Labels NONE = new Labels(new PublicNames());

    private final PublicNames people;
    private final Map<String, String> funds = new HashMap<>();
    private final Map<String, String> workshops = new HashMap<>();
    private final Map<String, String> indicators = new HashMap<>();

    private Labels(PublicNames people) {
        this.people = people;
    }

    /** The labels the given entries give, with people named by {@code people}. */
    public static Labels from(List<RecordedEvent> entries, PublicNames people) {
        Labels labels = new Labels(people);
        for (RecordedEvent entry : entries) {
            if (entry.data() instanceof FundCreated fund && fund.name() != null) {
                labels.funds.put(fund.fundId(), fund.name());
            } else if (entry.data() instanceof WorkshopScheduled workshop && workshop.title() != null) {
                labels.workshops.put(workshop.workshopId(), workshop.title());
            } else if (entry.data() instanceof InitiativeStarted started && started.indicators() != null) {
                started.indicators().forEach(indicator -> labels.indicators.putIfAbsent(indicator.indicatorId(), indicator.name()));
            } else if (entry.data() instanceof IndicatorDefined indicator && indicator.name() != null) {
                labels.indicators.put(indicator.indicatorId(), indicator.name());
            }
        }
        return labels;
    }

    public String fund(String fundId) {
        return quotedOr(funds.get(fundId), "fund " + fundId);
    }

    /** "the workshop 'Name'", or "a workshop" when the ledger names none. */
    public String workshop(String workshopId) {
        String name = workshops.get(workshopId);
        return name == null ? "a workshop" : "the workshop '" + name + "'";
    }

    /** "the indicator 'Name'", or "an indicator" when the ledger names none. */
    public String indicator(String indicatorId) {
        String name = indicators.get(indicatorId);
        return name == null ? "an indicator" : "the indicator '" + name + "'";
    }

    /**
     * A person by their public name: their profile's (their own name with consent, otherwise their pseudonym), or the
     * name they acted under in a public office; their id only where the ledger knows neither and they hold an office.
     */
    public String person(String personId) {
        if (personId == null) {
            return "someone";
        }
        String citizen = people.of(personId, "CITIZEN");
        if (citizen != null) {
            return citizen;
        }
        String office = people.of(personId, "COMMISSIONER");
        return this == NONE || !office.equals(personId) ? office : "a participant";
    }

    private static String quotedOr(String name, String fallback) {
        return name == null ? fallback : "'" + name + "'";
    }

    /** "1 citizen member", "2 citizen members". */
    public static String count(long number, String singular) {
        return number + " " + (number == 1 ? singular : singular + "s");
    }
}
