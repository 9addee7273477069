package org.roundtable.witness;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The witness's settings, under {@code roundtable.witness.*}.
 *
 * @param name        its name on its cosignature lines (a schema-less URL naming the witness)
 * @param log         the base URL of the log's public API (the audit service or the gateway)
 * @param logKey      the log's verifier key ({@code vkey}), pinned: obtained out of band, not from the log; when empty
 *                    the witness trusts the key the log publishes on first contact and pins it in its state
 * @param key         the witness's own Ed25519 key file (a PRIVATE KEY and a PUBLIC KEY PEM block)
 * @param generateKey generate the key file when missing (the local stack only)
 * @param state       the file the witness keeps what it cosigned and its alerts in
 * @param interval    how often it fetches the log's latest checkpoint
 */
@ConfigurationProperties(prefix = "roundtable.witness")
public record WitnessProperties(@DefaultValue("roundtable.local/witness") String name,
                                URI log,
                                @DefaultValue("") String logKey,
                                Path key,
                                @DefaultValue("false") boolean generateKey,
                                Path state,
                                @DefaultValue("10s") Duration interval) {
}
