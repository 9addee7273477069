package org.roundtable.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.audit.history.Labels;
import org.roundtable.audit.history.LedgerReader;
import org.roundtable.audit.history.PublicNames;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.audit.history.WhyItHappened;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.OpenTo;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.Require;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** Why any event happened, and what it led to, for auditors only. */
@RestController
@RequestMapping("/api/audit")
@OpenTo(Role.AUDITOR)
@Tag(name = "why did this happen", description = "From any event, its causes back to a person's request, and all its effects, across services")
public class WhyController {

    private final LedgerReader ledger;

    WhyController(LedgerReader ledger) {
        this.ledger = ledger;
    }

    @Operation(summary = "Why an event happened and what it led to, across services, from the ledger's causation ids",
            description = """
                    The event, with `causedBy`: the event that caused it (one service answering another's event, by the \
                    CloudEvents id it carried as `causationid`) or the person's request that made it (kind REQUEST: the \
                    request's id as the service gave it in `X-Request-Id`, who made it and in which role, and the events \
                    it made), walked back until a request; and `origin`: for an event about something older than \
                    itself (a decision about a case), the event that brought that thing into being, with its own causes \
                    (the case was opened because a proposal was submitted, by a citizen's request). `effects` walks \
                    forward: every event the event caused, and theirs. People are named by the project's rule: office \
                    holders by the name they acted under, citizens by their own name only with consent, otherwise by \
                    their pseudonym. Either walk stops after 25 links or 500 events. 404 for an id the ledger does not \
                    hold.""")
    @GetMapping("/events/{eventId}/why")
    WhyItHappened.Answer why(@Parameter(description = "the event's id (its CloudEvents id)") @PathVariable String eventId) {
        String id = Require.text(eventId, "eventId", 100);
        List<RecordedEvent> context = new ArrayList<>(ledger.named(PublicNames.PROFILE_EVENTS, null));
        context.addAll(ledger.named(Labels.FUND_EVENTS, null));
        PublicNames names = PublicNames.from(context);
        return WhyItHappened.of(id, ledger, names, Labels.from(context, names))
                .orElseThrow(() -> new NotFound("the ledger holds no event " + id));
    }
}
