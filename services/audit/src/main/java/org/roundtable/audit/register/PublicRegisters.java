package org.roundtable.audit.register;

import org.roundtable.audit.history.DecisionHistories;
import org.roundtable.audit.history.DecisionHistory;
import org.roundtable.audit.history.Labels;
import org.roundtable.audit.history.PublicNames;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.audit.replay.ProposalAsOf;
import org.roundtable.audit.replay.ProposalReplay;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Builds the public register from each decided proposal's ledger entries. */
public final class PublicRegisters {

    /** What a citizen member is called who has no public name (no profile): never their login. */
    static final String UNNAMED_CITIZEN = "a citizen member";

    private PublicRegisters() {
    }

    /**
     * @param proposals every decided proposal's entries (each list: the entries about one proposal, its cases and initiatives)
     * @param names     the public names as the whole ledger now gives them
     * @param labels    the funds' names
     */
    public static PublicRegister of(List<List<RecordedEvent>> proposals, PublicNames names, Labels labels, Instant now) {
        List<PublicRegister.Decision> decisions = new ArrayList<>();
        for (List<RecordedEvent> entries : proposals) {
            String proposalId = proposalIdOf(entries);
            if (proposalId == null) {
                continue;
            }
            DecisionHistory history = DecisionHistories.of(proposalId, entries, names, labels);
            ProposalAsOf standing = ProposalReplay.asOf(proposalId, now, entries);
            for (DecisionHistory.DecisionAccount account : history.decisions()) {
                decisions.add(decision(proposalId, history, account, standing, entries, names));
            }
        }
        decisions.sort(Comparator.comparing(PublicRegister.Decision::decidedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(PublicRegister.Decision::caseId));
        return new PublicRegister(now, List.copyOf(decisions));
    }

    private static String proposalIdOf(List<RecordedEvent> entries) {
        return entries.stream().map(RecordedEvent::data).filter(DecisionCaseOpened.class::isInstance)
                .map(opened -> ((DecisionCaseOpened) opened).proposalId()).findFirst().orElse(null);
    }

    private static PublicRegister.Decision decision(String proposalId, DecisionHistory history, DecisionHistory.DecisionAccount account,
                                                    ProposalAsOf state, List<RecordedEvent> entries, PublicNames names) {
        DecisionCaseOpened opened = entries.stream().map(RecordedEvent::data).filter(DecisionCaseOpened.class::isInstance)
                .map(DecisionCaseOpened.class::cast).filter(candidate -> candidate.caseId().equals(account.caseId()))
                .findFirst().orElse(null);
        ProposalContent content = state.proposal() == null ? null : state.proposal().content();
        List<PublicRegister.Member> panel = account.seats().stream().map(seat -> new PublicRegister.Member(
                seat.name() != null ? seat.name() : unnamed(seat.role()), seat.role(), seat.chair(), seat.declared(), seat.interest(),
                seat.recused(), seat.vote(), seat.rationale())).toList();
        String title = opened != null ? opened.title() : history.title();
        String area = opened != null ? opened.serviceArea() : content == null ? null : content.serviceArea();
        Money asked = opened != null ? opened.asked() : null;
        ProposalAsOf.Initiative delivered = state.initiative();
        PublicRegister.Initiative initiative = delivered == null || !account.caseId().equals(delivered.caseId()) ? null
                : initiative(delivered);
        return new PublicRegister.Decision(account.caseId(), proposalId, title, area, content == null ? null : content.aspiration(),
                asked, account.outcome(), account.decidedAt(), account.closedBy(), panel, unquoted(account.fundName()), account.allocated(),
                account.remaining(), account.summary(), initiative);
    }

    private static PublicRegister.Initiative initiative(ProposalAsOf.Initiative delivered) {
        List<PublicRegister.Indicator> indicators = delivered.indicators().stream().map(indicator -> {
            // lived experience is its own series beside the provider's: never shown as the latest value
            ProposalAsOf.Reading reading = indicator.latestReading() == null || indicator.latestReading().livedExperience()
                    ? null : indicator.latestReading();
            return new PublicRegister.Indicator(indicator.name(), indicator.unit(), indicator.baseline(), indicator.target(),
                    indicator.direction() == null ? null : indicator.direction().name(), reading == null ? null : reading.value(),
                    reading == null ? null : reading.observedOn());
        }).toList();
        return new PublicRegister.Initiative(delivered.title(), delivered.latestStatus(), delivered.providerName(), delivered.funding(),
                delivered.startedAt(), delivered.hoursMobilised(), delivered.reviewDates(), indicators);
    }

    /** The labels quote a fund's name inside sentences; a field holds the name alone. */
    private static String unquoted(String label) {
        return label != null && label.length() > 1 && label.startsWith("'") && label.endsWith("'") ? label.substring(1, label.length() - 1) : label;
    }

    private static String unnamed(String role) {
        if (role == null || Role.CITIZEN.name().equals(role) || Role.STAFF.name().equals(role)) {
            return UNNAMED_CITIZEN;
        }
        return "a " + role.toLowerCase(Locale.ROOT) + " member";
    }
}
