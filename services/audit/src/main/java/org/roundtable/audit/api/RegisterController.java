package org.roundtable.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.audit.history.Labels;
import org.roundtable.audit.history.LedgerReader;
import org.roundtable.audit.history.PublicNames;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.audit.register.PublicRegister;
import org.roundtable.audit.register.PublicRegisters;
import org.roundtable.events.commissioning.DecisionReached;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The public decision register, read from the ledger: anyone may read it, without logging in. */
@RestController
@RequestMapping("/api/audit/register")
@Tag(name = "register", description = "Every decision, as the public may read it (no login)")
public class RegisterController {

    private final LedgerReader ledger;

    RegisterController(LedgerReader ledger) {
        this.ledger = ledger;
    }

    @Operation(summary = "Every decision reached, newest first: proposal, panel, declarations, votes with rationales, outcome, money and the initiative",
            description = """
                    For each decision: the proposal (title, service area, aspiration, what it asked), the outcome and when, \
                    who closed the case, everyone round the table (chair, declarations of interest and recusals, each vote \
                    with its rationale), the fund and the money allocated and left, a plain-words summary, and the \
                    initiative that followed (provider, status of its latest review, hours the community gave, each \
                    indicator with its baseline, target and the provider's latest reading). People are named by the \
                    project's rule, applied here: office holders by the name they acted under, citizens by their own name \
                    only while they consent, otherwise by their pseudonym (a citizen without a profile: "a citizen \
                    member"); no login or person id appears. Public, no login.""")
    @GetMapping
    ResponseEntity<PublicRegister> register() {
        Set<String> decided = new LinkedHashSet<>();
        ledger.named(List.of("DecisionReached"), null).stream().map(RecordedEvent::data)
                .filter(DecisionReached.class::isInstance).map(decision -> ((DecisionReached) decision).proposalId())
                .forEach(decided::add);
        List<RecordedEvent> context = new ArrayList<>(ledger.named(PublicNames.PROFILE_EVENTS, null));
        context.addAll(ledger.named(Labels.FUND_EVENTS, null));
        List<List<RecordedEvent>> proposals = new ArrayList<>();
        for (String proposalId : decided) {
            List<RecordedEvent> entries = ledger.aboutProposal(proposalId);
            proposals.add(entries);
            context.addAll(entries);
        }
        context.sort(java.util.Comparator.comparingLong(RecordedEvent::position));
        PublicNames names = PublicNames.from(context);
        PublicRegister register = PublicRegisters.of(proposals, names, Labels.from(context, names), Instant.now());
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic()).body(register);
    }
}
