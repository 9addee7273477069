package org.roundtable.witness;

import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.ConsistencyProof;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.audit.verifier.NoteKey;
import org.roundtable.audit.verifier.NoteSignature;

import java.time.Clock;
import java.util.Arrays;

/**
 * A witness of one log: it remembers the largest checkpoint it has cosigned and cosigns a new one (C2SP
 * tlog-cosignature v1) only when it is signed by the log's pinned key and is an append-only extension of the one it
 * remembers (an RFC 9162 consistency proof). A smaller checkpoint (a rollback), another root at the size it remembers
 * (a split view), a proof that does not verify (history rewritten: a changed, deleted or reordered entry) or a
 * signature of another key is refused, and the refusal is kept as an alert. Nothing refused changes what it remembers.
 */
public final class Witness {

    private final NoteKey logKey;
    private final LedgerKeys key;
    private final String name;
    private final WitnessState state;
    private final Clock clock;

    public Witness(NoteKey logKey, LedgerKeys key, String name, WitnessState state, Clock clock) {
        this.logKey = logKey;
        this.key = key;
        this.name = name;
        this.state = state;
        this.clock = clock;
    }

    /** Where the witness gets consistency proofs: the log it watches. */
    @FunctionalInterface
    public interface Proofs {
        ConsistencyProof consistency(long fromSize, long toSize);
    }

    /**
     * Observes the log's latest checkpoint: returns it with this witness's cosignature added, or throws {@link Refused}
     * (also recorded as an alert).
     */
    public synchronized Checkpoint observe(Checkpoint latest, Proofs proofs) {
        if (!latest.origin().equals(logKey.name()) || !latest.signedBy(logKey)) {
            throw refuse(Alert.Kind.BAD_SIGNATURE, latest, "the " + latest + " is not signed by the log's pinned key " + logKey.vkey());
        }
        Checkpoint last = state.last();
        if (last != null) {
            if (latest.size() < last.size()) {
                throw refuse(Alert.Kind.ROLLBACK, latest, "the log shows " + latest.size() + " entries, but this witness has cosigned "
                        + last.size() + " (root " + last.rootHex() + ")");
            }
            if (latest.size() == last.size() && !Arrays.equals(latest.root(), last.root())) {
                throw refuse(Alert.Kind.SPLIT_VIEW, latest, "two checkpoints of " + latest.size() + " entries: root " + latest.rootHex()
                        + " now, root " + last.rootHex() + " cosigned before");
            }
            if (latest.size() > last.size()) {
                String problem;
                try {
                    problem = proofs.consistency(last.size(), latest.size()).problemWith(last, latest);
                } catch (RuntimeException unavailable) {
                    problem = "no consistency proof from " + last.size() + " to " + latest.size() + ": " + unavailable.getMessage();
                }
                if (problem != null) {
                    throw refuse(Alert.Kind.INCONSISTENT, latest, problem);
                }
            }
        }
        NoteSignature cosignature = latest.cosignature(key, name, clock.instant().getEpochSecond());
        Checkpoint cosigned = latest.with(cosignature);
        state.remember(cosigned);
        return cosigned;
    }

    public NoteKey cosignerKey() {
        return key.noteKey(name, NoteKey.COSIGNATURE_V1);
    }

    public WitnessState state() {
        return state;
    }

    private Refused refuse(Alert.Kind kind, Checkpoint checkpoint, String detail) {
        Alert alert = new Alert(clock.instant(), kind, checkpoint.size(), checkpoint.rootHex(), detail);
        state.alert(alert);
        return new Refused(alert);
    }

    /** A checkpoint this witness will not cosign, and why. */
    public static final class Refused extends RuntimeException {

        private final Alert alert;

        Refused(Alert alert) {
            super(alert.kind() + ": " + alert.detail());
            this.alert = alert;
        }

        public Alert alert() {
            return alert;
        }
    }
}
