package org.roundtable.web.pages;

import org.roundtable.web.services.AuditApi;
import org.roundtable.web.services.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;

/**
 * "My receipts": a signed-in person's own acts in the ledger, newest first, each with its receipt to download (the
 * entry, its leaf and the inclusion proof in a signed checkpoint), which anyone can check offline with the verifier.
 */
@Controller
class MyReceipts {

    private static final ParameterizedTypeReference<List<AuditApi.Act>> ACTS = new ParameterizedTypeReference<>() {
    };

    private final Services services;
    private final AuditorPages auditor;

    MyReceipts(Services services, AuditorPages auditor) {
        this.services = services;
        this.auditor = auditor;
    }

    @GetMapping("/receipts")
    String mine(Model model) {
        model.addAttribute("acts", services.get(Services.AUDIT, "/api/audit/receipts?limit={limit}", ACTS, 200));
        return "receipts";
    }

    @GetMapping("/receipts/{eventId}")
    ResponseEntity<String> receipt(@PathVariable String eventId) {
        return auditor.receiptFile(eventId);
    }
}
