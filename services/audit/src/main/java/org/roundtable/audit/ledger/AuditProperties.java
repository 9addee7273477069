package org.roundtable.audit.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The audit service's settings, under {@code roundtable.audit.*}.
 *
 * @param ledger             how the ledger reads the topics
 * @param checkpointInterval how often a checkpoint is signed when new entries have been appended
 * @param signingKey         the Ed25519 key file (a PRIVATE KEY and a PUBLIC KEY PEM block) that signs checkpoints:
 *                           provided by the operator from outside the ledger's database (a mounted secret), so whoever
 *                           can alter the database cannot re-sign it; the service refuses to start without it
 * @param generateSigningKey only for the local stack and tests: generate the key file when it does not exist
 * @param logOrigin          the log's origin line in its checkpoints, and the name of its note key
 * @param witnesses          the verifier keys ({@code vkey}) of the witnesses whose cosignatures the ledger publishes
 * @param retiredKeys        the verifier keys ({@code vkey}) the log signed with before a key rotation: its earlier
 *                           checkpoints still verify against them, and they are published beside the current key
 * @param witnessesFile      optionally, a file of more witness verifier keys, one a line, read when a cosignature
 *                           arrives (a witness writes its own there, as the local stack does)
 */
@ConfigurationProperties(prefix = "roundtable.audit")
public record AuditProperties(@DefaultValue Ledger ledger,
                              @DefaultValue("10s") Duration checkpointInterval,
                              Path signingKey,
                              @DefaultValue("false") boolean generateSigningKey,
                              @DefaultValue("roundtable.local/ledger") String logOrigin,
                              @DefaultValue List<String> witnesses,
                              @DefaultValue List<String> retiredKeys,
                              Path witnessesFile) {

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
