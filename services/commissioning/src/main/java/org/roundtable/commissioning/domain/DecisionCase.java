package org.roundtable.commissioning.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.commissioning.domain.CommissioningCommands.AssemblePanel;
import org.roundtable.commissioning.domain.CommissioningCommands.CastVote;
import org.roundtable.commissioning.domain.CommissioningCommands.DeclareInterest;
import org.roundtable.commissioning.domain.CommissioningCommands.OpenDecisionCase;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.proposals.Money;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.Require;
import org.roundtable.kit.domain.RuleViolation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.roundtable.kit.authority.Authorities.actorOf;

/**
 * The table round which one submitted proposal is decided: a panel of commissioners and at least one citizen member,
 * each declaring interests before voting, every vote with its rationale. Closed by the chair or at the deadline.
 *
 * <p>Authorization is part of the rules: only a holder of the fund assembles the panel; only panel members declare and
 * vote, each in the role they sit in (a commissioner as {@code COMMISSIONER}, a citizen member as {@code CITIZEN} or
 * {@code STAFF}); only the chair closes. Every member declares before voting; a declared interest recuses them, and
 * the votes of recused or undeclared members are refused. A vote may be changed until the case closes.
 *
 * <p><b>A declaration belongs to the member and the proposal</b>, not to one sitting of the panel: it holds through
 * every later panel, and the member changes it only by declaring again with a reason, which the event records.
 *
 * <p>Quorum is a majority of the non-recused members having voted (abstaining counts), at least one of them a citizen
 * member; only their votes are counted. A member who declares an interest after voting is recused and their vote no
 * longer stands; a panel whose citizen members are all recused, or whose members all are, has no quorum. A quorate panel approves when approvals outnumber rejections, and otherwise rejects. An approval allocates
 * the panel's amount (the amount asked, unless the panel set another) from the panel's fund in the same unit of work.
 *
 * <p><b>Without quorum</b>, closing (by the chair or at the deadline) records {@code DecisionReached} with outcome
 * {@code NO_QUORUM} and the roll as it stood: nothing is decided for or against the proposal, nothing is allocated, the
 * proposal stays under decision, and the case returns to awaiting a panel, so that a fund holder assembles a new one
 * (new members, chair and deadline; votes start afresh, declarations hold). The chair closes without quorum only once
 * the deadline has passed, or with a reason, which the decision's note records.
 *
 * <p><b>An approval the fund cannot meet</b> (another case took the money first): the chair's close is refused and
 * the case stays open, so the panel may reconsider; at the deadline the case closes as approved with no allocation,
 * the note saying what the fund held.
 *
 * <p><b>A proposal withdrawn</b> before its case closed closes the case with outcome {@code WITHDRAWN}: no decision,
 * no allocation, the roll as it stood. A case already decided is not changed by a later withdrawal.
 */
@Aggregate
public class DecisionCase {

    private record Declaration(boolean hasInterest, String description) {
    }

    private record Ballot(Vote vote, String rationale) {
    }

    @AggregateIdentifier
    private String caseId;
    private String proposalId;
    private String serviceArea;
    private Money asked;
    private boolean assembled;
    private boolean closed;
    private final Map<String, Role> members = new LinkedHashMap<>();
    private String chairId;
    private Instant deadline;
    private String fundId;
    private Money amount;
    private final Map<String, Declaration> declarations = new LinkedHashMap<>();
    private final Map<String, Ballot> ballots = new LinkedHashMap<>();

    protected DecisionCase() {
    }

    /** One case per proposal, whatever the number of times the submission is heard. */
    public static String caseIdFor(String proposalId) {
        return UUID.nameUUIDFromBytes(("decision-case:" + proposalId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OpenDecisionCase command, MetaData metadata) {
        actorOf(command, metadata);
        if (caseId == null) {
            apply(new DecisionCaseOpened(command.caseId(), command.proposalId(), command.title(), command.serviceArea(), command.asked()));
        }
    }

    void assemble(AssemblePanel command, Actor assembler, Fund.Terms fund, Instant now) {
        requireOpen();
        if (assembled) {
            throw new RuleViolation("the panel is already assembled");
        }
        if (!fund.holders().contains(assembler.subjectId())) {
            throw new NotPermitted("only a holder of fund " + command.fundId() + " assembles a panel that draws on it");
        }
        if (!fund.serviceArea().equalsIgnoreCase(serviceArea)) {
            throw new InvalidInput("fundId", "fund " + command.fundId() + " is for " + fund.serviceArea() + ", this case for " + serviceArea);
        }
        List<PanelMember> panel = Require.present(command.members(), "members");
        Require.atMost(panel, 25, "members");
        Map<String, Role> seen = new LinkedHashMap<>();
        for (int i = 0; i < panel.size(); i++) {
            PanelMember member = Require.present(panel.get(i), "members[" + i + "]");
            String id = Require.text(member.memberId(), "members[" + i + "].memberId", 200);
            Role role = Require.present(member.role(), "members[" + i + "].role");
            Require.that(role == Role.COMMISSIONER || role == Role.CITIZEN, "members[" + i + "].role",
                    "panel members sit as COMMISSIONER or CITIZEN");
            Require.that(seen.put(id, role) == null, "members[" + i + "].memberId", id + " is on the panel twice");
        }
        Require.that(seen.containsValue(Role.COMMISSIONER), "members", "a panel has at least one commissioner");
        Require.that(seen.containsValue(Role.CITIZEN), "members", "a panel has at least one citizen member round the table");
        String chair = Require.text(command.chairId(), "chairId", 200);
        Require.that(seen.containsKey(chair), "chairId", "the chair sits on the panel");
        Instant closesAt = Require.instant(command.deadline(), "deadline");
        Require.that(closesAt.isAfter(now), "deadline", "the deadline is in the future");
        Money allocation = command.amount() != null ? Require.money(command.amount(), "amount") : asked;
        if (allocation != null && !allocation.currency().equals(fund.currency())) {
            throw new InvalidInput("amount.currency", "the fund is in " + fund.currency());
        }
        List<PanelMember> members = seen.entrySet().stream().map(e -> new PanelMember(e.getKey(), e.getValue())).toList();
        apply(new PanelAssembled(caseId, members, chair, closesAt, command.fundId(), allocation, proposalId, serviceArea));
    }

    @CommandHandler
    public void handle(DeclareInterest command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        requireSeated(actor);
        requireOpen();
        String description = command.hasInterest() ? Require.text(command.description(), "description", 1000)
                : Require.optionalText(command.description(), "description", 1000);
        String changeReason = Require.optionalText(command.changeReason(), "changeReason", 1000);
        if (declarations.containsKey(actor.subjectId())) {
            Require.that(changeReason != null, "changeReason",
                    "you have declared on this proposal before; a changed declaration needs a changeReason, which is recorded");
        } else {
            Require.that(changeReason == null, "changeReason", "a changeReason is given only when changing an earlier declaration");
        }
        apply(new InterestDeclared(caseId, actor.subjectId(), command.hasInterest(), description, command.hasInterest(), proposalId,
                changeReason));
    }

    @CommandHandler
    public void handle(CastVote command, MetaData metadata) {
        Actor actor = actorOf(command, metadata);
        requireSeated(actor);
        requireOpen();
        Declaration declaration = declarations.get(actor.subjectId());
        if (declaration == null) {
            throw new RuleViolation("panel members declare their interests before voting");
        }
        if (declaration.hasInterest()) {
            throw new NotPermitted("you declared an interest and are recused from this case");
        }
        Vote vote = Require.present(command.vote(), "vote");
        String rationale = Require.text(command.rationale(), "rationale", 2000);
        Ballot previous = ballots.get(actor.subjectId());
        apply(new VoteCast(caseId, actor.subjectId(), vote, rationale, previous == null ? null : previous.vote(), proposalId));
    }

    /**
     * The chair may close now: without quorum, only once the deadline has passed or with a reason.
     *
     * @return the note the decision records
     */
    String chairCloses(Actor actor, String reason, Instant now) {
        requireOpen();
        if (!assembled) {
            throw new RuleViolation("the case has no panel yet");
        }
        if (!actor.subjectId().equals(chairId)) {
            throw new NotPermitted("only the chair closes the case");
        }
        requireSeated(actor);
        String given = Require.optionalText(reason, "reason", 1000);
        if (tally() != DecisionOutcome.NO_QUORUM || !deadline.isAfter(now)) {
            return given == null ? "closed by the chair" : "closed by the chair: " + given;
        }
        if (given == null) {
            throw new RuleViolation("the panel has no quorum and its deadline (" + deadline
                    + ") has not passed; the chair closes it now only with a reason, which is recorded");
        }
        return "closed by the chair without quorum before its deadline: " + given;
    }

    /** A withdrawn proposal is not decided on: an open case closes without a decision; a decided one stands. */
    void closeOnWithdrawal(String reason) {
        if (!closed) {
            decide(DecisionOutcome.WITHDRAWN, null, reason == null || reason.isBlank() ? "the proposal was withdrawn"
                    : "the proposal was withdrawn: " + reason);
        }
    }

    boolean isDue(Instant now) {
        return assembled && !closed && !deadline.isAfter(now);
    }

    /** The outcome the votes cast so far would give, and the amount an approval would allocate. */
    DecisionOutcome tally() {
        List<String> eligible = members.keySet().stream().filter(id -> !isRecused(id)).toList();
        long voted = eligible.stream().filter(ballots::containsKey).count();
        boolean citizenVoted = eligible.stream().anyMatch(id -> members.get(id) == Role.CITIZEN && ballots.containsKey(id));
        if (eligible.isEmpty() || voted * 2 <= eligible.size() || !citizenVoted) {
            return DecisionOutcome.NO_QUORUM;
        }
        List<Ballot> counted = eligible.stream().map(ballots::get).filter(java.util.Objects::nonNull).toList();
        long approvals = counted.stream().filter(b -> b.vote() == Vote.APPROVE).count();
        long rejections = counted.stream().filter(b -> b.vote() == Vote.REJECT).count();
        return approvals > rejections ? DecisionOutcome.APPROVED : DecisionOutcome.REJECTED;
    }

    void decide(DecisionOutcome outcome, Allocation allocation, String note) {
        decide(outcome, allocation, note, List.of());
    }

    void decide(DecisionOutcome outcome, Allocation allocation, String note, java.util.Collection<String> fundHolderIds) {
        List<RollEntry> roll = new ArrayList<>();
        members.forEach((id, role) -> {
            Ballot ballot = ballots.get(id);
            Declaration declaration = declarations.get(id);
            roll.add(new RollEntry(id, role, ballot == null ? null : ballot.vote(), ballot == null ? null : ballot.rationale(),
                    isRecused(id), declaration == null ? null : declaration.description()));
        });
        apply(new DecisionReached(caseId, proposalId, outcome, roll, allocation, note, serviceArea, fundHolderIds.stream().sorted().toList()));
    }

    String caseId() {
        return caseId;
    }

    String proposalId() {
        return proposalId;
    }

    String fundId() {
        return fundId;
    }

    Money amount() {
        return amount;
    }

    private boolean isRecused(String memberId) {
        Declaration declaration = declarations.get(memberId);
        return declaration != null && declaration.hasInterest();
    }

    /** A panel member acting in the role they sit in, so that the record of who acted names that role. */
    private void requireSeated(Actor actor) {
        Role seat = members.get(actor.subjectId());
        if (seat == null) {
            throw new NotPermitted("only the case's panel members do this");
        }
        boolean inSeat = seat == Role.COMMISSIONER ? actor.role() == Role.COMMISSIONER
                : actor.role() == Role.CITIZEN || actor.role() == Role.STAFF;
        if (!inSeat) {
            throw new NotPermitted("you sit on this panel as " + seat + ", not as " + actor.role());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new RuleViolation("the case is closed; its decision stands");
        }
    }

    @EventSourcingHandler
    void on(DecisionCaseOpened event) {
        caseId = event.caseId();
        proposalId = event.proposalId();
        serviceArea = event.serviceArea();
        asked = event.asked();
    }

    @EventSourcingHandler
    void on(PanelAssembled event) {
        assembled = true;
        members.clear();
        event.members().forEach(member -> members.put(member.memberId(), member.role()));
        chairId = event.chairId();
        deadline = event.deadline();
        fundId = event.fundId();
        amount = event.amount();
        ballots.clear();
    }

    @EventSourcingHandler
    void on(InterestDeclared event) {
        declarations.put(event.memberId(), new Declaration(event.hasInterest(), event.description()));
        if (event.hasInterest()) {
            // a member who declares an interest after voting is recused: their vote no longer stands
            ballots.remove(event.memberId());
        }
    }

    @EventSourcingHandler
    void on(VoteCast event) {
        ballots.put(event.memberId(), new Ballot(event.vote(), event.rationale()));
    }

    @EventSourcingHandler
    void on(DecisionReached event) {
        if (event.outcome() == DecisionOutcome.NO_QUORUM) {
            assembled = false;
        } else {
            closed = true;
        }
    }
}
