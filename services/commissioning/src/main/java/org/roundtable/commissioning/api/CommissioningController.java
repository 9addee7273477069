package org.roundtable.commissioning.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.roundtable.commissioning.domain.CommissioningCommands.AssemblePanel;
import org.roundtable.commissioning.domain.CommissioningCommands.CastVote;
import org.roundtable.commissioning.domain.CommissioningCommands.CloseDecisionCase;
import org.roundtable.commissioning.domain.CommissioningCommands.CreateFund;
import org.roundtable.commissioning.domain.CommissioningCommands.DeclareInterest;
import org.roundtable.commissioning.query.CommissioningQueries;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.proposals.Money;
import org.roundtable.kit.actor.Commands;
import org.roundtable.kit.actor.RequestActors;
import org.roundtable.kit.authority.Sends;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Where power is exercised: commissioners manage funds and panels; panel members declare interests and vote with
 * rationales; the chair closes. Everyone authenticated reads, auditors included; auditors change nothing.
 */
@RestController
@RequestMapping("/api/commissioning")
@Tag(name = "commissioning", description = "Funds, decision cases, panels, interests, votes and decisions")
public class CommissioningController {

    public record FundForm(String name, String serviceArea, LocalDate periodStart, LocalDate periodEnd, Money amount, List<String> holderIds) {
    }

    public record PanelForm(String fundId, List<PanelMember> members, String chairId, Instant deadline, Money amount) {
    }

    public record DeclarationForm(Boolean hasInterest, String description, String changeReason) {
    }

    public record ClosureForm(String reason) {
    }

    public record VoteForm(Vote vote, String rationale) {
    }

    public record Created(String id) {
    }

    private static final Set<String> STATUSES = Set.of("OPEN", "ASSEMBLED", "CLOSED");

    private final Commands commands;
    private final CommissioningQueries queries;
    private final RequestActors actors;

    CommissioningController(Commands commands, CommissioningQueries queries, RequestActors actors) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
    }

    @Operation(summary = "Create a fund for a service area and period, held by named commissioners")
    @PostMapping("/funds")
    @Sends(CreateFund.class)
    ResponseEntity<Created> createFund(@RequestBody FundForm form) {
        String id = UUID.randomUUID().toString();
        commands.send(new CreateFund(id, form.name(), form.serviceArea(), form.periodStart(), form.periodEnd(), form.amount(),
                form.holderIds()));
        return ResponseEntity.created(URI.create("/api/commissioning/funds/" + id)).body(new Created(id));
    }

    @Operation(summary = "Funds: what each holds and has left")
    @GetMapping("/funds")
    List<CommissioningQueries.Fund> funds() {
        return queries.funds();
    }

    @Operation(summary = "One fund: its holders, amount and what it has left")
    @GetMapping("/funds/{fundId}")
    CommissioningQueries.Fund fund(@PathVariable UUID fundId) {
        return queries.fund(fundId.toString()).orElseThrow(() -> new NotFound("no fund " + fundId));
    }

    @Operation(summary = "Decision cases, newest first, optionally by status (OPEN, ASSEMBLED, CLOSED)")
    @GetMapping("/cases")
    List<CommissioningQueries.CaseSummary> cases(@RequestParam(required = false) String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInput("status", "status is one of " + STATUSES);
        }
        return queries.cases(status);
    }

    @Operation(summary = "A decision case: the proposal as submitted, what citizens said, the panel's timeline and the decision")
    @GetMapping("/cases/{caseId}")
    CommissioningQueries.Case decisionCase(@PathVariable UUID caseId) {
        return queries.decisionCase(caseId.toString(), actors.subjectId().orElse(null)).orElseThrow(() -> new NotFound("no decision case " + caseId));
    }

    @Operation(summary = "A fund holder assembles the panel: commissioners and at least one citizen member, a chair and a deadline",
            description = "The amount an approval allocates is the amount the proposal asked for unless the panel sets another.")
    @PostMapping("/cases/{caseId}/panel")
    @Sends(AssemblePanel.class)
    ResponseEntity<Void> assemble(@PathVariable UUID caseId, @RequestBody PanelForm form) {
        send(caseId, new AssemblePanel(caseId.toString(), form.fundId(), form.members(), form.chairId(), form.deadline(), form.amount()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A panel member declares an interest, or none; an interest recuses them",
            description = "Declared before voting; an interest needs a description. Members act in the role they sit in. A "
                    + "declaration belongs to the member and the proposal: it holds through every later panel on the case, and "
                    + "declaring again needs a changeReason, which is recorded and shown in the case's timeline.")
    @PostMapping("/cases/{caseId}/declarations")
    @Sends(DeclareInterest.class)
    ResponseEntity<Void> declare(@PathVariable UUID caseId, @RequestBody DeclarationForm form) {
        if (form.hasInterest() == null) {
            throw new InvalidInput("hasInterest", "hasInterest is required: true or false");
        }
        send(caseId, new DeclareInterest(caseId.toString(), form.hasInterest(), form.description(), form.changeReason()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A panel member votes (or changes their vote) with a rationale",
            description = "APPROVE, REJECT or ABSTAIN with a rationale, until the case closes; every change is kept. "
                    + "Refused for members who have not declared, or who declared an interest.")
    @PostMapping("/cases/{caseId}/votes")
    @Sends(CastVote.class)
    ResponseEntity<Void> vote(@PathVariable UUID caseId, @RequestBody VoteForm form) {
        send(caseId, new CastVote(caseId.toString(), form.vote(), form.rationale()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The chair closes the case: the decision, its roll and any allocation are recorded",
            description = """
                    Quorum is a majority of the non-recused panel having voted (abstentions count), at least one of them a \
                    citizen member. A quorate panel approves when approvals outnumber rejections, otherwise it rejects; an \
                    approval allocates the panel's amount from its fund in the same transaction. \
                    Without quorum the case closes with outcome NO_QUORUM: nothing is decided or allocated, the proposal stays \
                    under decision, and the case awaits a new panel (a fund holder assembles one with a new deadline; votes \
                    start afresh, declarations of interest hold). Before the deadline the chair closes a case without quorum \
                    only with a reason, which the decision's note records (409 without one). \
                    An approval the fund can no longer meet (another case took the money first) is refused with 409 and the \
                    case stays open; at its deadline such a case closes as approved without allocation, the note saying why. \
                    A case whose deadline passes closes by itself, also when the deadline passed while the service was down; \
                    a case whose proposal is withdrawn closes with outcome WITHDRAWN.""")
    @PostMapping("/cases/{caseId}/closure")
    @Sends(CloseDecisionCase.class)
    ResponseEntity<Void> close(@PathVariable UUID caseId, @RequestBody(required = false) ClosureForm form) {
        send(caseId, new CloseDecisionCase(caseId.toString(), form == null ? null : form.reason()));
        return ResponseEntity.noContent().build();
    }

    private void send(UUID caseId, Object command) {
        try {
            commands.send(command);
        } catch (AggregateNotFoundException unknown) {
            throw new NotFound("no decision case " + caseId);
        }
    }
}
