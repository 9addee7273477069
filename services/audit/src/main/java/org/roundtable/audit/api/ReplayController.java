package org.roundtable.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.audit.history.LedgerReader;
import org.roundtable.audit.replay.ProposalAsOf;
import org.roundtable.audit.replay.ProposalReplay;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.OpenTo;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.Require;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A proposal as it stood at any past instant, rebuilt from the ledger, for auditors only. */
@RestController
@RequestMapping("/api/audit")
@OpenTo(Role.AUDITOR)
@Tag(name = "as-of replay", description = "What was known at an instant: the proposal, its endorsements, its decision case and its initiative")
public class ReplayController {

    private final LedgerReader ledger;

    ReplayController(LedgerReader ledger) {
        this.ledger = ledger;
    }

    @Operation(summary = "A proposal as it stood at an instant, rebuilt only from ledger events up to that instant",
            description = """
                    The proposal (status, revision in force, title, co-designers), its endorsements (count, current \
                    endorsers and their reasons, withdrawals applied), its decision case (the panel, declarations and \
                    votes as they stood, the decision once reached) and its initiative (indicators with their latest \
                    readings, reviews), from the entries that occurred at or before `at`. A part that did not exist yet \
                    is null. 404 when the ledger holds nothing about the proposal at all.""")
    @GetMapping("/proposals/{proposalId}/as-of")
    ProposalAsOf asOf(@Parameter(description = "the proposal's id") @PathVariable String proposalId,
                      @Parameter(description = "the instant, ISO-8601, e.g. 2026-03-01T12:00:00Z", required = true)
                      @RequestParam(required = false) String at) {
        String id = Require.text(proposalId, "proposalId", 200);
        Instant instant = instant(at);
        return ProposalReplay.read(ledger, id, instant).orElseThrow(() -> new NotFound("the ledger holds nothing about proposal " + id));
    }

    private static Instant instant(String at) {
        if (at == null || at.isBlank()) {
            throw new InvalidInput("at", "give the instant to replay to, ISO-8601, e.g. 2026-03-01T12:00:00Z");
        }
        try {
            return Instant.parse(at.strip());
        } catch (DateTimeParseException malformed) {
            throw new InvalidInput("at", "'" + at + "' is not an ISO-8601 instant, e.g. 2026-03-01T12:00:00Z");
        }
    }
}
