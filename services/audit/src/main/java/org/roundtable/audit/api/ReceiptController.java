package org.roundtable.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.audit.history.Labels;
import org.roundtable.audit.history.LedgerReader;
import org.roundtable.audit.history.Narration;
import org.roundtable.audit.history.PublicNames;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.audit.ledger.Checkpoints;
import org.roundtable.audit.verification.LogProofs;
import org.roundtable.audit.verifier.Receipt;
import org.roundtable.events.Role;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotPermitted;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Receipts for citizens: whoever endorsed, pledged, voted, declared an interest or reported gets, for that act's
 * event, its ledger entry, its leaf and the inclusion proof in the latest signed checkpoint; the verifier jar checks it
 * offline, and later a consistency proof shows the act is still in the log. Only the actor of the event (or an auditor)
 * gets it: the entry holds their personal data.
 */
@RestController
@RequestMapping(value = "/api/audit/receipts", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("isAuthenticated()")
@Tag(name = "receipts", description = "A receipt for one's own act, verifiable offline")
public class ReceiptController {

    private static final int MAX_ACTS = 500;

    private final LogProofs proofs;
    private final LedgerReader ledger;
    private final Checkpoints checkpoints;

    ReceiptController(LogProofs proofs, LedgerReader ledger, Checkpoints checkpoints) {
        this.proofs = proofs;
        this.ledger = ledger;
        this.checkpoints = checkpoints;
    }

    @Operation(summary = "The caller's own acts in the ledger, newest first, each with whether its receipt is ready",
            description = "Every entry the caller acted in (in any role), at most `limit` (1 to " + MAX_ACTS + ", 100 by default): "
                    + "the event id to ask for its receipt, the event, a one-line description (people by their public names), the role and when. `receiptReady` "
                    + "says whether the latest signed checkpoint covers it (until then a receipt is 409).")
    @GetMapping
    List<Act> mine(Authentication caller, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_ACTS) {
            throw new InvalidInput("limit", "limit must be between 1 and " + MAX_ACTS);
        }
        long covered = checkpoints.latest().map(latest -> latest.checkpoint().size()).orElse(0L);
        List<RecordedEvent> acts = ledger.actedBy(caller.getName(), limit);
        List<RecordedEvent> context = new ArrayList<>(ledger.named(PublicNames.PROFILE_EVENTS, null));
        context.addAll(ledger.named(Labels.FUND_EVENTS, null));
        PublicNames names = PublicNames.from(context);
        Labels labels = Labels.from(context, names);
        return acts.stream().map(entry -> new Act(entry.eventId(), entry.position(), entry.eventName(),
                entry.readable() ? Narration.describe(entry.data(), labels) : entry.eventName(), entry.actorRole(),
                entry.occurredAt(), entry.position() <= covered)).toList();
    }

    @Operation(summary = "The receipt of an event the caller acted in: entry, leaf hash, inclusion proof and signed checkpoint",
            description = "403 when the caller is not the event's actor (auditors may fetch any); 409 until a checkpoint covers it.")
    @GetMapping("/{eventId}")
    ResponseEntity<String> receipt(@PathVariable String eventId, Authentication caller) {
        Receipt receipt = proofs.receipt(eventId);
        boolean auditor = caller.getAuthorities().stream().anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Role.AUDITOR.name()));
        if (!caller.getName().equals(receipt.entry().record().actorId()) && !auditor) {
            throw new NotPermitted("a receipt is for the actor of the event");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(receipt.toJsonText());
    }

    /**
     * One act of the caller's.
     *
     * @param position     its position in the ledger (its leaf is position - 1)
     * @param receiptReady whether the latest signed checkpoint covers it, so that its receipt can be given
     */
    public record Act(String eventId, long position, String event, String description, String role, Instant occurredAt,
                      boolean receiptReady) {
    }
}
