package org.roundtable.proposals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalStatus;
import org.roundtable.kit.actor.Commands;
import org.roundtable.kit.actor.RequestActors;
import org.roundtable.kit.authority.Sends;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.web.PageOf;
import org.roundtable.proposals.api.ProposalRequests.Amendment;
import org.roundtable.proposals.api.ProposalRequests.Created;
import org.roundtable.proposals.api.ProposalRequests.FramingCheck;
import org.roundtable.proposals.api.ProposalRequests.Invitation;
import org.roundtable.proposals.api.ProposalRequests.Joining;
import org.roundtable.proposals.api.ProposalRequests.Withdrawal;
import org.roundtable.proposals.domain.FramingGuide;
import org.roundtable.proposals.domain.ProposalCommands.AmendProposal;
import org.roundtable.proposals.domain.ProposalCommands.DraftProposal;
import org.roundtable.proposals.domain.ProposalCommands.InviteCoDesigner;
import org.roundtable.proposals.domain.ProposalCommands.JoinAsCoDesigner;
import org.roundtable.proposals.domain.ProposalCommands.SubmitProposal;
import org.roundtable.proposals.domain.ProposalCommands.WithdrawProposal;
import org.roundtable.proposals.query.ProposalDetail;
import org.roundtable.proposals.query.ProposalQueries;
import org.roundtable.proposals.query.ProposalSummary;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Proposals: citizens and staff draft, co-design, amend, submit and withdraw; every authenticated role reads.
 * Writes are accepted once stored; the read side follows within moments.
 */
@RestController
@RequestMapping("/api/proposals")
@Tag(name = "proposals", description = "Asset-based co-design proposals")
public class ProposalsController {

    private static final Set<String> SORTABLE = Set.of("updatedAt", "createdAt", "submittedAt", "title");

    private final Commands commands;
    private final ProposalQueries queries;
    private final RequestActors actors;

    ProposalsController(Commands commands, ProposalQueries queries, RequestActors actors) {
        this.commands = commands;
        this.queries = queries;
        this.actors = actors;
    }

    @Operation(summary = "Draft a proposal: aspiration, service area, assets, ask and intended outcomes")
    @PostMapping
    @Sends(DraftProposal.class)
    ResponseEntity<Created> draft(@RequestBody ProposalContent content) {
        String id = UUID.randomUUID().toString();
        commands.send(new DraftProposal(id, content));
        return ResponseEntity.created(URI.create("/api/proposals/" + id)).body(new Created(id));
    }

    @Operation(summary = "List proposals, filtered by status, service area and text, paged and sorted",
            description = "What matches is counted up to " + PageOf.COUNT_AHEAD + " proposals past the page's first: when more "
                    + "match, totalItemsCapped is true: more proposals match than totalItems, on more pages than totalPages.")
    @GetMapping
    PageOf<ProposalSummary> list(@RequestParam(required = false) ProposalStatus status,
                                 @RequestParam(required = false) String serviceArea,
                                 @RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size,
                                 @RequestParam(defaultValue = "updatedAt,desc") String sort) {
        PageOf.requireBounds(page, size);
        return queries.list(status, serviceArea, q, page, size, sortOf(sort), viewer());
    }

    @Operation(summary = "A proposal: current revision, every earlier revision, co-designers and status history")
    @GetMapping("/{id}")
    ProposalDetail detail(@PathVariable UUID id) {
        return queries.detail(id.toString(), viewer()).orElseThrow(() -> new NotFound("no proposal " + id));
    }

    @Operation(summary = "One revision of a proposal, as it was written")
    @GetMapping("/{id}/revisions/{revision}")
    ProposalDetail.Revision revision(@PathVariable UUID id, @PathVariable int revision) {
        return queries.revision(id.toString(), revision, viewer()).orElseThrow(() -> new NotFound("no revision " + revision + " of proposal " + id));
    }

    @Operation(summary = "The author invites someone to co-design")
    @PostMapping("/{id}/invitations")
    @Sends(InviteCoDesigner.class)
    ResponseEntity<Void> invite(@PathVariable UUID id, @RequestBody Invitation invitation) {
        commands.send(new InviteCoDesigner(id.toString(), invitation.inviteeId()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Join as co-designer (by invitation), saying what you bring")
    @PostMapping("/{id}/co-designers")
    @Sends(JoinAsCoDesigner.class)
    ResponseEntity<Void> join(@PathVariable UUID id, @RequestBody Joining joining) {
        commands.send(new JoinAsCoDesigner(id.toString(), joining.brings()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A co-designer amends the draft: a new revision with a note; earlier ones are kept")
    @PostMapping("/{id}/revisions")
    @Sends(AmendProposal.class)
    ResponseEntity<Void> amend(@PathVariable UUID id, @RequestBody Amendment amendment) {
        commands.send(new AmendProposal(id.toString(), amendment.content(), amendment.note()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Submit the proposal to commissioners; it is frozen from now on")
    @PostMapping("/{id}/submission")
    @Sends(SubmitProposal.class)
    ResponseEntity<Void> submit(@PathVariable UUID id) {
        commands.send(new SubmitProposal(id.toString()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Withdraw an open proposal")
    @PostMapping("/{id}/withdrawal")
    @Sends(WithdrawProposal.class)
    ResponseEntity<Void> withdraw(@PathVariable UUID id, @RequestBody(required = false) Withdrawal withdrawal) {
        commands.send(new WithdrawProposal(id.toString(), withdrawal == null ? null : withdrawal.reason()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Framing guidance for any text: deficit-only language and asset-based reframings; it never blocks")
    @PostMapping("/framing-check")
    FramingGuide.Advice framingCheck(@RequestBody FramingCheck check) {
        if (check.text() != null && check.text().length() > 20_000) {
            throw new InvalidInput("text", "text must be at most 20000 characters");
        }
        return FramingGuide.check(check.text());
    }

    @Operation(summary = "Framing guidance for a proposal's current revision")
    @GetMapping("/{id}/framing")
    FramingGuide.Advice framing(@PathVariable UUID id) {
        ProposalDetail proposal = detail(id);
        ProposalContent content = proposal.current().content();
        List<String> parts = new java.util.ArrayList<>(List.of(content.title(), content.aspiration()));
        parts.addAll(content.intendedOutcomes());
        return FramingGuide.check(String.join("\n", parts));
    }

    /** Who reads: everyone sees themselves by their own login id. */
    private String viewer() {
        return actors.subjectId().orElse(null);
    }

    private static Sort sortOf(String sort) {
        String[] parts = sort.split(",");
        String field = parts[0].strip();
        if (!SORTABLE.contains(field)) {
            throw new InvalidInput("sort", "sort by one of " + SORTABLE + ", optionally followed by ',asc' or ',desc'");
        }
        if (parts.length > 2 || (parts.length == 2 && !parts[1].strip().matches("(?i)asc|desc"))) {
            throw new InvalidInput("sort", "sort direction is 'asc' or 'desc'");
        }
        Sort.Direction direction = parts.length == 2 && parts[1].strip().equalsIgnoreCase("asc") ? Sort.Direction.ASC : Sort.Direction.DESC;
        return Sort.by(direction, field);
    }
}
