package org.roundtable.witness;

import org.roundtable.audit.verifier.Checkpoint;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What the witness has cosigned and refused, and its verifier key: for operators and for the log's configuration. */
@RestController
public class WitnessController {

    private final WitnessService service;

    WitnessController(WitnessService service) {
        this.service = service;
    }

    @GetMapping("/witness")
    Status status() {
        Checkpoint last = service.state().last();
        return new Status(service.cosignerKey().vkey(), last == null ? null : last.size(), last == null ? null : last.rootHex(),
                service.state().alerts());
    }

    /**
     * @param vkey         the witness's verifier key, for {@code roundtable.audit.witnesses} of the log
     * @param cosignedSize the size of the last checkpoint cosigned
     * @param alerts       the most recent refusals, oldest first
     */
    public record Status(String vkey, Long cosignedSize, String cosignedRoot, List<Alert> alerts) {
    }
}
