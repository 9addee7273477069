package org.roundtable.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.audit.history.DecisionHistories;
import org.roundtable.audit.history.DecisionHistory;
import org.roundtable.audit.history.LedgerReader;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.OpenTo;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.Require;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The decision history of a proposal, for auditors only. */
@RestController
@RequestMapping("/api/audit")
@OpenTo(Role.AUDITOR)
@Tag(name = "decision history", description = "Who did what to a proposal, in which role, when and why, across every service")
public class HistoryController {

    private final LedgerReader ledger;

    HistoryController(LedgerReader ledger) {
        this.ledger = ledger;
    }

    @Operation(summary = "The full timeline of a proposal across all services, from the ledger",
            description = """
                    Every ledger entry about the proposal, its decision cases and its initiatives, in ledger order \
                    (by position): the event and its id, a one-line description naming funds, workshops, indicators \
                    and people (ids stay in their own fields), the actor's id and role, \
                    their public name (whoever acted in a public office by the name they acted under; a citizen by \
                    their own name while they consent, otherwise by their pseudonym), the time, and the rationale, reason or note the \
                    event carries; fields that do not apply to a step are left out. Recusals and changed votes (with the vote \
                    and rationale they replace) are flagged. `decisions` tells each decision whole, in plain words and \
                    as fields: who sat (and who chaired), who declared what interest and was recused, who voted how and \
                    why, what money moved from which fund and what it left. \
                    Entries of types this version cannot read are counted in skippedEntries.""")
    @GetMapping("/proposals/{proposalId}/history")
    DecisionHistory history(@Parameter(description = "the proposal's id") @PathVariable String proposalId) {
        String id = Require.text(proposalId, "proposalId", 200);
        return DecisionHistories.read(ledger, id).orElseThrow(() -> new NotFound("the ledger holds nothing about proposal " + id));
    }
}
