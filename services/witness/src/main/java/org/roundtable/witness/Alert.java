package org.roundtable.witness;

import java.time.Instant;

/**
 * A checkpoint the witness refused to cosign.
 *
 * @param size the refused checkpoint's tree size
 * @param root the refused checkpoint's root hash, hex
 */
public record Alert(Instant at, Kind kind, long size, String root, String detail) {

    public enum Kind {
        /** Not signed by the log's pinned key (or of another log). */
        BAD_SIGNATURE,
        /** Smaller than a checkpoint already cosigned. */
        ROLLBACK,
        /** Another root at a size already cosigned. */
        SPLIT_VIEW,
        /** Not an append-only extension of the last checkpoint cosigned. */
        INCONSISTENT
    }
}
