package org.roundtable.commissioning.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.roundtable.commissioning.foreign.KnownProposalView;
import org.roundtable.commissioning.foreign.KnownProposalViews;
import org.roundtable.commissioning.foreign.WhatThePanelKnows;
import org.roundtable.events.Role;
import org.roundtable.kit.names.PublicNames;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads funds and decision cases, with what the panel knew: the proposal as submitted and what citizens said. Citizens
 * appear as their consent stands when the case is read (see {@link PublicNames}): by login id and name with consent,
 * otherwise by pseudonymous id and pseudonym; office holders by their id.
 */
@Service
@Transactional(readOnly = true)
public class CommissioningQueries {

    public record Fund(String fundId, String name, String serviceArea, LocalDate periodStart, LocalDate periodEnd, BigDecimal amount,
                       BigDecimal remaining, String currency, List<String> holderIds) {
    }

    public record CaseSummary(String caseId, String proposalId, String title, String serviceArea, String status, Instant deadline,
                              String outcome) {
    }

    public record Entry(String kind, String actorId, String actorRole, Map<String, Object> detail, Instant at) {
    }

    public record WhatCitizensSaid(int endorsementCount, List<Map<String, Object>> endorsements, int pledges, int hoursPerMonth,
                                   int skills, int places, List<Map<String, Object>> pledgeList) {
    }

    public record Case(String caseId, String proposalId, String title, String serviceArea, String status, Instant deadline, String chairId,
                       String fundId, Map<String, Object> amount, String outcome, Map<String, Object> decision,
                       Map<String, Object> proposalAsSubmitted, WhatCitizensSaid whatCitizensSaid, List<Entry> timeline) {
    }

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Map<String, Object>>> DOCUMENTS = new TypeReference<>() {
    };

    private final FundViews funds;
    private final CaseViews cases;
    private final CaseEntryViews entries;
    private final KnownProposalViews proposals;
    private final ObjectMapper json;
    private final PublicNames names;

    CommissioningQueries(FundViews funds, CaseViews cases, CaseEntryViews entries, KnownProposalViews proposals,
                         @Qualifier("eventJson") ObjectMapper json, PublicNames names) {
        this.names = names;
        this.funds = funds;
        this.cases = cases;
        this.entries = entries;
        this.proposals = proposals;
        this.json = json;
    }

    public List<Fund> funds() {
        return funds.findAll().stream().map(CommissioningQueries::fund).toList();
    }

    public Optional<Fund> fund(String fundId) {
        return funds.findById(fundId).map(CommissioningQueries::fund);
    }

    public List<CaseSummary> cases(String status) {
        List<CaseView> found = status == null ? cases.findAllByOrderByOpenedAtDesc() : cases.findByStatusOrderByOpenedAtDesc(status);
        return found.stream().map(c -> new CaseSummary(c.getCaseId(), c.getProposalId(), c.getTitle(), c.getServiceArea(), c.getStatus(),
                c.getDeadline(), c.getOutcome())).toList();
    }

    /** A case as {@code viewer} reads it: everyone sees themselves by their own login id. */
    public Optional<Case> decisionCase(String caseId, String viewer) {
        return cases.findById(caseId).map(view -> {
            Optional<KnownProposalView> known = proposals.findById(view.getProposalId());
            List<CaseEntryView> caseEntries = entries.findByCaseIdOrderById(caseId);
            Seen seen = new Seen(viewer, new HashMap<>());
            caseEntries.stream().filter(entry -> entry.getActorName() != null)
                    .forEach(entry -> seen.actedUnder().put(entry.getActorId(), entry.getActorName()));
            return new Case(view.getCaseId(), view.getProposalId(), view.getTitle(), view.getServiceArea(), view.getStatus(),
                    view.getDeadline(), view.getChairId(), view.getFundId(), document(view.getAmount()), view.getOutcome(),
                    shownSeats(document(view.getDecision()), seen), known.map(k -> document(k.getSubmitted())).orElse(null),
                    known.map(k -> whatCitizensSaid(k, viewer)).orElse(new WhatCitizensSaid(0, List.of(), 0, 0, 0, 0, List.of())),
                    caseEntries.stream().map(entry -> entry(entry, seen)).toList());
        });
    }

    /** Who reads a case, and the name each office holder acted under in it. */
    private record Seen(String viewer, Map<String, String> actedUnder) {
    }

    private Entry entry(CaseEntryView entry, Seen seen) {
        Map<String, Object> detail = shownSeats(document(entry.getDetail()), seen);
        if (detail != null && detail.get("memberId") instanceof String memberId && memberId.equals(entry.getActorId())) {
            shownSeat(detail, entry.getActorRole(), seen);
        }
        return new Entry(entry.getKind(), names.seenBy(seen.viewer(), entry.getActorId(), entry.getActorRole(), entry.getActorName()).id(),
                entry.getActorRole(), detail, entry.getAt());
    }

    /**
     * A decision's roll and a panel's members, each seat shown as the consent of whoever sits in it stands; an office
     * holder by the name they acted under in this case (once they have acted in it), a citizen by their consent.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> shownSeats(Map<String, Object> document, Seen seen) {
        if (document == null) {
            return null;
        }
        for (String seats : List.of("roll", "members")) {
            if (document.get(seats) instanceof List<?> list) {
                list.forEach(seat -> {
                    if (seat instanceof Map<?, ?> member && member.get("role") != null) {
                        shownSeat((Map<String, Object>) member, member.get("role").toString(), seen);
                    }
                });
            }
        }
        return document;
    }

    private void shownSeat(Map<String, Object> seat, String role, Seen seen) {
        if (seat.get("memberId") instanceof String memberId) {
            PublicNames.Shown shown = names.seenBy(seen.viewer(), memberId, role, seen.actedUnder().get(memberId));
            seat.put("memberId", shown.id());
            seat.put("name", shown.name());
        }
    }

    private WhatCitizensSaid whatCitizensSaid(KnownProposalView known, String viewer) {
        List<Map<String, Object>> endorsements = documents(known.getEndorsements()).entrySet().stream()
                .map(endorsement -> shownAs(endorsement.getValue(), endorsement.getKey(), viewer)).toList();
        List<Map<String, Object>> pledges = documents(known.getPledges()).values().stream()
                .map(pledge -> shownAs(pledge, pledge.get(WhatThePanelKnows.PLEDGED_BY), viewer)).toList();
        int hours = pledges.stream().filter(p -> "TIME".equals(p.get("kind")))
                .mapToInt(p -> p.get("hoursPerMonth") instanceof Number given ? given.intValue() : 0).sum();
        int skills = (int) pledges.stream().filter(p -> "SKILL".equals(p.get("kind"))).count();
        int places = (int) pledges.stream().filter(p -> "PLACE".equals(p.get("kind"))).count();
        return new WhatCitizensSaid(endorsements.size(), endorsements, pledges.size(), hours, skills, places, pledges);
    }

    /** A citizen's endorsement or pledge under their name as their consent now stands; who it was is never shown itself. */
    private Map<String, Object> shownAs(Map<String, Object> document, Object participantId, String viewer) {
        Map<String, Object> shown = new LinkedHashMap<>(document);
        shown.remove(WhatThePanelKnows.PLEDGED_BY);
        if (participantId instanceof String citizen) {
            shown.put("name", names.seenBy(viewer, citizen, Role.CITIZEN).name());
        }
        return shown;
    }

    private static Fund fund(FundView view) {
        return new Fund(view.getFundId(), view.getName(), view.getServiceArea(), view.getPeriodStart(), view.getPeriodEnd(),
                view.getAmount(), view.getRemaining(), view.getCurrency(), List.of(view.getHolderIds().split(",")));
    }

    private Map<String, Object> document(String text) {
        try {
            return text == null ? null : json.readValue(text, DOCUMENT);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private Map<String, Map<String, Object>> documents(String text) {
        try {
            return json.readValue(text, DOCUMENTS);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
