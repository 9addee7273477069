package org.roundtable.witness;

import io.micrometer.core.instrument.MeterRegistry;
import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.audit.verifier.NoteKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs the witness: every {@code roundtable.witness.interval} it fetches the log's latest checkpoint, observes it and
 * submits the cosignature. A refusal is logged at ERROR and counted in {@code roundtable.witness.alerts} (tagged with
 * its kind); a log that cannot be reached is retried at the next round.
 */
@Service
public class WitnessService {

    private static final Logger log = LoggerFactory.getLogger(WitnessService.class);

    private final WitnessProperties properties;
    private final LogClient client;
    private final MeterRegistry metrics;
    private final LedgerKeys keys;
    private final WitnessState state;
    private volatile Witness witness;

    public WitnessService(WitnessProperties properties, MeterRegistry metrics) {
        this.properties = properties;
        this.client = new LogClient(properties.log());
        this.metrics = metrics;
        this.keys = keys(properties);
        publishVerifierKey(properties.key().resolveSibling(properties.key().getFileName() + ".vkey"));
        this.state = WitnessState.in(properties.state());
        if (!properties.logKey().isBlank()) {
            this.witness = witnessOf(NoteKey.parse(properties.logKey()));
        }
    }

    @Scheduled(fixedDelayString = "${roundtable.witness.interval:10s}", initialDelayString = "${roundtable.witness.initial-delay:2s}")
    public void round() {
        try {
            Witness current = witness();
            Checkpoint cosigned = current.observe(client.latest(), client);
            client.submit(cosigned);
            metrics.counter("roundtable.witness.cosigned").increment();
            log.debug("witness: cosigned the {}", cosigned);
        } catch (Witness.Refused refused) {
            metrics.counter("roundtable.witness.alerts", "kind", refused.alert().kind().name()).increment();
            log.error("witness ALERT {}: {}", refused.alert().kind(), refused.alert().detail());
        } catch (RuntimeException unreachable) {
            metrics.counter("roundtable.witness.unreachable").increment();
            log.warn("witness: the log could not be checked this round: {}", unreachable.getMessage());
        }
    }

    /**
     * The witness, with the log's key pinned: the operator's, or else the one the log published on first contact,
     * remembered through the checkpoint in the state (a later key that does not sign it is refused).
     */
    synchronized Witness witness() {
        if (witness == null) {
            NoteKey published = NoteKey.parse(client.publishedKey());
            Checkpoint last = state.last();
            if (last != null && !last.signedBy(published)) {
                throw new IllegalStateException("the log now publishes the key " + published.vkey() + ", which did not sign the checkpoint "
                        + "this witness cosigned; set roundtable.witness.log-key to the log's key");
            }
            witness = witnessOf(published);
            log.info("witness: pinned the log key {} published by {}", published.vkey(), properties.log());
        }
        return witness;
    }

    private Witness witnessOf(NoteKey logKey) {
        return new Witness(logKey, keys, properties.name(), state, Clock.systemUTC());
    }

    /** Writes this witness's verifier key beside its key file, where a log's operator (or the local stack) picks it up. */
    private void publishVerifierKey(Path file) {
        try {
            Files.writeString(file, cosignerKey().vkey() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException unwritable) {
            log.warn("witness: cannot write its verifier key to {}: {}", file, unwritable.getMessage());
        }
        log.info("witness: cosigning as {}", cosignerKey().vkey());
    }

    public NoteKey cosignerKey() {
        return keys.noteKey(properties.name(), NoteKey.COSIGNATURE_V1);
    }

    public WitnessState state() {
        return state;
    }

    private static LedgerKeys keys(WitnessProperties properties) {
        Path file = properties.key();
        try {
            if (Files.exists(file)) {
                return LedgerKeys.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
            }
            if (!properties.generateKey()) {
                throw new IllegalStateException("the witness key " + file + " does not exist: provide it (roundtable.witness.key), "
                        + "or set roundtable.witness.generate-key=true on a local stack");
            }
            LedgerKeys generated = LedgerKeys.generate();
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, generated.toPem(), StandardCharsets.US_ASCII);
            return generated;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read or create the witness key " + file, unreadable);
        }
    }
}
