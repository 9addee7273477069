package org.roundtable.web.pages;

import org.roundtable.events.Role;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.web.services.Api;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A decision case read from its timeline: each sitting of a panel with its votes (a changed vote stays, marked as
 * changed) and its decision, and every member's declaration of interest, which holds across sittings.
 */
public final class CaseRecord {

    /** Reads the events the timeline carries; a field added to them later is passed over. */
    private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public record Sitting(PanelAssembled panel, Instant at, List<VoteLine> votes, DecisionReached decision, Instant decidedAt) {

        public boolean sits(String memberId) {
            return seat(memberId).isPresent();
        }

        public Optional<Role> seat(String memberId) {
            return panel.members().stream().filter(member -> member.memberId().equals(memberId)).map(PanelMember::role).findFirst();
        }

        /** Each member's vote that stands (the last they cast), in the order of the panel. */
        public Map<String, VoteLine> standing() {
            Map<String, VoteLine> standing = new LinkedHashMap<>();
            votes.stream().filter(vote -> !vote.changed()).forEach(vote -> standing.put(vote.memberId(), vote));
            return standing;
        }
    }

    /** One vote cast; {@code changed} once the member voted again, which keeps this one in the record. */
    public record VoteLine(String memberId, String role, VoteCast vote, Instant at, boolean changed) {
    }

    /** A member's declaration that stands, and the ones it replaced. */
    public record Declaration(String memberId, String role, InterestDeclared declared, Instant at, List<InterestDeclared> earlier) {
    }

    private final Api.DecisionCase decisionCase;
    private final List<Sitting> sittings = new ArrayList<>();
    private final Map<String, Declaration> declarations = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    CaseRecord(Api.DecisionCase decisionCase) {
        this.decisionCase = decisionCase;
        PanelAssembled panel = null;
        Instant panelAt = null;
        List<VoteLine> votes = new ArrayList<>();
        for (Api.CaseEntry entry : decisionCase.timeline()) {
            learnNames(entry.detail());
            switch (entry.kind()) {
                case "PANEL_ASSEMBLED" -> {
                    panel = JSON.treeToValue(entry.detail(), PanelAssembled.class);
                    panelAt = entry.at();
                    votes = new ArrayList<>();
                }
                case "VOTE_CAST", "VOTE_CHANGED" -> {
                    VoteCast vote = JSON.treeToValue(entry.detail(), VoteCast.class);
                    for (int i = 0; i < votes.size(); i++) {
                        VoteLine earlier = votes.get(i);
                        if (earlier.memberId().equals(vote.memberId()) && !earlier.changed()) {
                            votes.set(i, new VoteLine(earlier.memberId(), earlier.role(), earlier.vote(), earlier.at(), true));
                        }
                    }
                    votes.add(new VoteLine(vote.memberId(), entry.actorRole(), vote, entry.at(), false));
                }
                case "RECUSED", "NO_INTEREST_DECLARED", "DECLARATION_CHANGED" -> {
                    InterestDeclared declared = JSON.treeToValue(entry.detail(), InterestDeclared.class);
                    Declaration before = declarations.get(declared.memberId());
                    List<InterestDeclared> earlier = new ArrayList<>(before == null ? List.of() : before.earlier());
                    if (before != null) {
                        earlier.add(before.declared());
                    }
                    declarations.put(declared.memberId(), new Declaration(declared.memberId(), entry.actorRole(), declared, entry.at(), earlier));
                }
                case "DECISION_REACHED" -> {
                    if (panel != null) {
                        sittings.add(new Sitting(panel, panelAt, votes, JSON.treeToValue(entry.detail(), DecisionReached.class), entry.at()));
                        panel = null;
                    }
                }
                default -> {
                }
            }
        }
        if (panel != null) {
            sittings.add(new Sitting(panel, panelAt, votes, null, null));
        }
    }

    /**
     * The names the commissioning service gives the seats (a citizen by the name their consent allows, under the id it
     * shows them by); office holders by their id.
     */
    private void learnNames(JsonNode detail) {
        if (detail == null) {
            return;
        }
        for (String seats : List.of("members", "roll")) {
            detail.path(seats).forEach(this::learnName);
        }
        learnName(detail);
    }

    private void learnName(JsonNode seat) {
        String id = seat.path("memberId").asString(null);
        if (id != null) {
            String name = seat.path("name").asString(null);
            names.merge(id, name == null ? id : name, (known, given) -> given.equals(id) ? known : given);
        }
    }

    /** Every member by the id the service shows them by. */
    public Map<String, String> names() {
        return names;
    }

    public Api.DecisionCase decisionCase() {
        return decisionCase;
    }

    /** The sitting panel, or the last one (whose decision stands). */
    public Optional<Sitting> current() {
        return sittings.isEmpty() ? Optional.empty() : Optional.of(sittings.get(sittings.size() - 1));
    }

    /** Sittings that ended without quorum, before the current one. */
    public List<Sitting> earlier() {
        return sittings.isEmpty() ? List.of() : sittings.subList(0, sittings.size() - 1);
    }

    public Optional<Declaration> declarationOf(String memberId) {
        return Optional.ofNullable(declarations.get(memberId));
    }

    public Map<String, Declaration> declarations() {
        return declarations;
    }

    public boolean sitting() {
        return "ASSEMBLED".equals(decisionCase.status());
    }

    /** Changes with every step a page's command can make. */
    public String fingerprint() {
        return decisionCase.status() + "|" + decisionCase.timeline().size();
    }
}
