package org.roundtable.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.audit.verification.LogProofs;
import org.roundtable.audit.verifier.Receipt;
import org.roundtable.events.Role;
import org.roundtable.kit.domain.NotPermitted;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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

    private final LogProofs proofs;

    ReceiptController(LogProofs proofs) {
        this.proofs = proofs;
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
}
