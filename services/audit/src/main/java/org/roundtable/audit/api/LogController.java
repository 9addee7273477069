package org.roundtable.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.audit.ledger.Checkpoints;
import org.roundtable.audit.verification.LogProofs;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.ConsistencyProof;
import org.roundtable.audit.verifier.NoteKey;
import org.roundtable.audit.verifier.Sha256;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/**
 * The log, public: anyone, without logging in, reads the latest and every past signed checkpoint (C2SP signed notes,
 * with the witnesses' cosignatures), the log's key and its id, RFC 9162 inclusion and consistency proofs and the leaf
 * hashes; witnesses submit their cosignatures. Entry contents are not here: they stay behind the AUDITOR role. What
 * never changes (a proof between given sizes, a leaf) is served as immutable; what grows is cached for seconds.
 */
@RestController
@RequestMapping("/api/audit/log")
@Tag(name = "log", description = "The ledger's transparency log: checkpoints, proofs, leaf hashes and key (public, no login)")
public class LogController {

    static final MediaType NOTE = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);
    private static final CacheControl GROWING = CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();
    private static final CacheControl COSIGNABLE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final int MAX_HISTORY = 1000;

    private final Checkpoints checkpoints;
    private final LogProofs proofs;

    LogController(Checkpoints checkpoints, LogProofs proofs) {
        this.checkpoints = checkpoints;
        this.proofs = proofs;
    }

    @Operation(summary = "The latest signed checkpoint as a C2SP signed note (origin, size, base64 root; the log's Ed25519 "
            + "note signature, then witnesses' cosignatures)")
    @GetMapping(value = "/checkpoint", produces = "text/plain")
    ResponseEntity<String> latest() {
        Checkpoints.Issued latest = checkpoints.latest().orElseThrow(() -> new NotFound("no checkpoint has been signed yet"));
        return ResponseEntity.ok().cacheControl(GROWING).contentType(NOTE).body(latest.checkpoint().text());
    }

    @Operation(summary = "Every signed checkpoint in order of size, after a size (page with the last size seen); or the latest ones",
            description = "With `newest=N`, the N largest checkpoints instead, largest first (afterSize and limit then do not apply).")
    @GetMapping(value = "/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<LedgerController.CheckpointView>> history(@RequestParam(defaultValue = "0") long afterSize,
                                                                  @RequestParam(defaultValue = "100") int limit,
                                                                  @RequestParam(required = false) Integer newest) {
        if (newest != null) {
            if (newest < 1 || newest > MAX_HISTORY) {
                throw new InvalidInput("newest", "newest must be between 1 and " + MAX_HISTORY);
            }
            return ResponseEntity.ok().cacheControl(GROWING)
                    .body(checkpoints.newest(newest).stream().map(LedgerController.CheckpointView::of).toList());
        }
        if (afterSize < 0) {
            throw new InvalidInput("afterSize", "afterSize must be 0 or more");
        }
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new InvalidInput("limit", "limit must be between 1 and " + MAX_HISTORY);
        }
        return ResponseEntity.ok().cacheControl(GROWING)
                .body(checkpoints.history(afterSize, limit).stream().map(LedgerController.CheckpointView::of).toList());
    }

    @Operation(summary = "The signed checkpoint of a tree size, as a signed note")
    @GetMapping(value = "/checkpoints/{size}", produces = "text/plain")
    ResponseEntity<String> bySize(@PathVariable long size) {
        return ResponseEntity.ok().cacheControl(COSIGNABLE).contentType(NOTE).body(checkpoints.bySize(size).checkpoint().text());
    }

    @Operation(summary = "The log's key: its verifier key (vkey, to pin), note key id, PEM, and the witnesses' verifier keys")
    @GetMapping(value = "/key", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<LogKey> key() {
        NoteKey key = checkpoints.logKey();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(new LogKey(checkpoints.origin(), key.vkey(), key.keyIdHex(), checkpoints.keys().publicKeyPem(),
                        checkpoints.trustedKeys().stream().skip(1).map(NoteKey::vkey).toList(),
                        checkpoints.witnesses().stream().map(NoteKey::vkey).toList()));
    }

    @Operation(summary = "RFC 9162 inclusion proof of leaf `index` (the entry at position index + 1) in the tree of `treeSize` leaves")
    @GetMapping(value = "/proof/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InclusionView> inclusion(@RequestParam long index, @RequestParam long treeSize) {
        List<String> path = proofs.inclusion(index, treeSize).stream().map(Sha256::hex).toList();
        return ResponseEntity.ok().cacheControl(IMMUTABLE).body(new InclusionView(index, treeSize, proofs.leaves(index, 1).get(0), path));
    }

    @Operation(summary = "RFC 9162 consistency proof from the tree of `from` leaves to the tree of `to` leaves")
    @GetMapping(value = "/proof/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> consistency(@RequestParam long from, @RequestParam long to) {
        ConsistencyProof proof = proofs.consistency(from, to);
        return ResponseEntity.ok().cacheControl(IMMUTABLE).contentType(MediaType.APPLICATION_JSON).body(proof.toJsonText());
    }

    @Operation(summary = "The leaf hashes of leaves [from, from + count), hex (at most " + LogProofs.MAX_LEAVES + ")")
    @GetMapping(value = "/leaves", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Leaves> leaves(@RequestParam long from, @RequestParam(defaultValue = "100") int count) {
        List<String> leaves = proofs.leaves(from, count);
        CacheControl cache = leaves.size() == count ? IMMUTABLE : GROWING;
        return ResponseEntity.ok().cacheControl(cache).body(new Leaves(from, leaves));
    }

    @Operation(summary = "Submit a witness's cosignature: the checkpoint's note with the witness's cosignature line (C2SP tlog-cosignature)",
            description = "Only valid cosignatures of the witnesses this log is configured with, on a checkpoint it signed, are kept "
                    + "and published with the checkpoint; anything else is refused with 400 naming 'note'.")
    @PostMapping(value = "/cosignatures", consumes = "text/plain", produces = MediaType.APPLICATION_JSON_VALUE)
    Cosigned cosign(@RequestBody String note) {
        Checkpoint cosigned;
        try {
            cosigned = Checkpoint.parse(note);
        } catch (IllegalArgumentException notANote) {
            throw new InvalidInput("note", "not a checkpoint note: " + notANote.getMessage());
        }
        return new Cosigned(cosigned.size(), checkpoints.addCosignatures(cosigned));
    }

    /**
     * @param vkey       the verifier key to pin: {@code <origin>+<key id>+<base64 key>}
     * @param keyId      the note key id (4 bytes, hex) on every checkpoint's signature line
     * @param retired    the verifier keys the log signed its earlier checkpoints with, before key rotations
     * @param witnesses  the verifier keys of the witnesses whose cosignatures are published
     */
    public record LogKey(String origin, String vkey, String keyId, String publicKeyPem, List<String> retired, List<String> witnesses) {
    }

    public record InclusionView(long index, long treeSize, String leafHash, List<String> path) {
    }

    public record Leaves(long from, List<String> leafHashes) {
    }

    public record Cosigned(long treeSize, List<String> added) {
    }
}
