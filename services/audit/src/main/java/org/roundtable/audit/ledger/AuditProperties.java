package org.roundtable.audit.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The audit service's settings, under {@code roundtable.audit.*}.
 *
 * @param ledger             how the ledger reads the topics
 * @param checkpointInterval how often a checkpoint is signed when new entries have been appended
 * @param signingKey         the Ed25519 key file (a PRIVATE KEY and a PUBLIC KEY PEM block); generated there on first
 *                           start when it does not exist, and kept, so checkpoints stay verifiable across restarts
 */
@ConfigurationProperties(prefix = "roundtable.audit")
public record AuditProperties(@DefaultValue Ledger ledger,
                              @DefaultValue("10s") Duration checkpointInterval,
                              Path signingKey) {

    public AuditProperties {
        if (signingKey == null) {
            throw new IllegalArgumentException("roundtable.audit.signing-key must name the checkpoint signing key's file");
        }
    }

    /**
     * @param group               the consumer group of the live ledger; a rebuild reads with a fresh group of its own
     * @param startAutomatically  {@code false} for an instance meant to be rebuilt: it reads nothing until a rebuild is
     *                            requested
     * @param maxPollRecords      records appended in one database transaction at most
     */
    public record Ledger(@DefaultValue("roundtable-audit-ledger") String group,
                         @DefaultValue("true") boolean startAutomatically,
                         @DefaultValue("500") int maxPollRecords) {
    }
}
