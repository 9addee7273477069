package org.roundtable.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.roundtable.audit.ledger.Checkpoints;
import org.roundtable.audit.ledger.LedgerConsumer;
import org.roundtable.audit.ledger.LedgerStore;
import org.roundtable.audit.verification.LedgerVerification;
import org.roundtable.audit.verification.LogProofs;
import org.roundtable.audit.verifier.ChainHead;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.OpenTo;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The ledger for auditors: its entries (they hold personal data), the re-verification of the whole ledger, receipts
 * of any event, signing a checkpoint now, the NDJSON export the offline verifier reads, and the rebuild. Auditors read;
 * nothing here changes an entry. What anyone may read (checkpoints, proofs, leaf hashes, the key) is {@link LogController}.
 */
@RestController
@RequestMapping(value = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@OpenTo(Role.AUDITOR)
@Tag(name = "ledger", description = "The hash-chained ledger of every event, its verification, receipts and export")
public class LedgerController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    static final String PEM = "application/x-pem-file";
    private static final int MAX_PAGE = 500;

    private final LedgerStore store;
    private final Checkpoints checkpoints;
    private final LedgerVerification verification;
    private final LogProofs proofs;
    private final LedgerConsumer consumer;
    private final TransactionTemplate readOnly;

    LedgerController(LedgerStore store, Checkpoints checkpoints, LedgerVerification verification, LogProofs proofs,
                     LedgerConsumer consumer, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.verification = verification;
        this.proofs = proofs;
        this.consumer = consumer;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    @Operation(summary = "Ledger entries in position order, after a position (keyset paging: pass the page's nextAfterPosition)",
            description = "undecodable=true lists only the records that could not be read as Roundtable events; they are "
                    + "chained and committed like every other entry, their payload holding the reason and the record's bytes.")
    @GetMapping("/ledger")
    EntryPage entries(@RequestParam(defaultValue = "0") long afterPosition, @RequestParam(defaultValue = "50") int size,
                      @RequestParam(defaultValue = "false") boolean undecodable) {
        if (afterPosition < 0) {
            throw new InvalidInput("afterPosition", "afterPosition must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidInput("size", "size must be between 1 and " + MAX_PAGE);
        }
        List<EntryView> items = store.page(afterPosition, size, undecodable).stream().map(EntryView::of).toList();
        long next = items.isEmpty() ? afterPosition : items.get(items.size() - 1).position();
        return new EntryPage(items, next, store.lastPosition());
    }

    @Operation(summary = "The ledger entry of an event, by its event id")
    @GetMapping("/ledger/{eventId}")
    EntryView entry(@PathVariable String eventId) {
        return store.byEventId(eventId).map(EntryView::of).orElseThrow(() -> new NotFound("the ledger holds no event " + eventId));
    }

    @Operation(summary = "The receipt of an event: its entry, its leaf and the RFC 9162 inclusion proof in the latest signed checkpoint",
            description = "Verifiable offline with the verifier jar and the log's pinned key. 409 when the event was appended after "
                    + "the latest checkpoint.")
    @GetMapping("/ledger/{eventId}/proof")
    ResponseEntity<String> proof(@PathVariable String eventId) {
        return json(proofs.receipt(eventId).toJsonText());
    }

    @Operation(summary = "Re-verify every entry's hashes and chain links and the latest signed checkpoint; names the first entry that does not match")
    @GetMapping("/verification")
    LedgerVerification.Report verify() {
        return verification.verify();
    }

    @Operation(summary = "Sign a checkpoint of the log now, unless the latest already covers every entry (409 while the ledger is empty)")
    @PostMapping("/checkpoints")
    ResponseEntity<CheckpointView> signCheckpoint() {
        return ResponseEntity.status(HttpStatus.CREATED).body(CheckpointView.of(checkpoints.signNow()));
    }

    @Operation(summary = "Every chain's head now (one chain per topic partition): size, head hash and Merkle root",
            description = "Two ledgers that have read the same offsets have equal heads and so equal checkpoint roots, "
                    + "whatever order they read the partitions in; this is how a rebuild is compared with the live ledger.")
    @GetMapping("/heads")
    Heads heads() {
        List<ChainHead> heads = checkpoints.heads();
        return new Heads(ChainHead.sizeOf(heads), ChainHead.rootOf(heads),
                heads.stream().map(head -> new HeadView(head.chain().topic(), head.chain().partition(), head.size(), head.headHash(), head.root())).toList());
    }

    @Operation(summary = "Export entries in a position range as NDJSON, streamed (one entry per line, the offline verifier's input)",
            description = "fromPosition defaults to 1 and toPosition to the last position. The offline verifier checks an export "
                    + "that starts at position 1 against a checkpoint.")
    @GetMapping(value = "/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "1") long fromPosition,
                                                 @RequestParam(required = false) Long toPosition) {
        if (fromPosition < 1) {
            throw new InvalidInput("fromPosition", "fromPosition must be 1 or more");
        }
        long to = toPosition == null ? store.lastPosition() : toPosition;
        if (to < fromPosition && toPosition != null) {
            throw new InvalidInput("toPosition", "toPosition must not be before fromPosition");
        }
        StreamingResponseBody body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            readOnly.executeWithoutResult(status -> store.stream(fromPosition, to, entry -> {
                try {
                    writer.write(entry.toJsonLine());
                    writer.write('\n');
                    return true;
                } catch (IOException closed) {
                    throw new UncheckedIOException(closed);
                }
            }));
            writer.flush();
        };
        return ResponseEntity.ok().contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"ledger-" + fromPosition + "-" + to + ".ndjson\"")
                .body(body);
    }

    @Operation(summary = "Rebuild this instance's empty ledger from the beginning of every topic (asynchronous)",
            description = "Only on an instance started on an empty database with roundtable.audit.ledger.start-automatically=false; "
                    + "409 otherwise. Follow it at GET /api/audit/rebuild and compare GET /api/audit/heads with the live ledger.")
    @PostMapping("/rebuild")
    ResponseEntity<LedgerConsumer.Progress> rebuild() {
        return ResponseEntity.accepted().body(consumer.rebuild());
    }

    @Operation(summary = "How far this ledger has read each partition: the rebuild's progress (and the live ledger's)")
    @GetMapping("/rebuild")
    LedgerConsumer.Progress rebuildProgress() {
        return consumer.progress();
    }

    private static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** One ledger entry: the contract's columns, with headers and payload as their stored text. */
    public record EntryView(long position, String eventId, String source, String type, String eventName, String subject,
                            String actorId, String actorRole, String actorName, String correlationId, String causationId,
                            Long sequence, Instant occurredAt, Instant recordedAt, String topic, int partition, long offset,
                            long chainIndex, boolean undecodable, String headers, String payload, String previousHash, String hash) {

        static EntryView of(LedgerEntry entry) {
            var r = entry.record();
            return new EntryView(entry.position(), r.eventId(), r.source(), r.type(), r.eventName(), r.subject(), r.actorId(),
                    r.actorRole(), r.actorName(), r.correlationId(), r.causationId(), r.sequence(), r.occurredAt(),
                    entry.recordedAt(), r.topic(), r.partition(), r.offset(), entry.chainIndex(), r.undecodable(), r.headers(), r.payload(),
                    entry.previousHash(), entry.hash());
        }
    }

    /**
     * @param nextAfterPosition pass as afterPosition for the next page
     * @param lastPosition      the ledger's highest position now
     */
    public record EntryPage(List<EntryView> items, long nextAfterPosition, long lastPosition) {
    }

    public record Heads(long treeSize, String rootHash, List<HeadView> chains) {
    }

    /**
     * @param note the checkpoint as a C2SP signed note, with the witnesses' cosignatures received so far
     */
    public record CheckpointView(long treeSize, String rootHash, Instant issuedAt, String note) {

        static CheckpointView of(Checkpoints.Issued issued) {
            return new CheckpointView(issued.checkpoint().size(), issued.checkpoint().rootHex(), issued.issuedAt(), issued.checkpoint().text());
        }
    }

    public record HeadView(String topic, int partition, long size, String headHash, String root) {
    }
}
