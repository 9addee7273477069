package org.roundtable.audit.ledger;

import org.roundtable.audit.verifier.LedgerKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/** The ledger's infrastructure: its clock, transactions, dead-letter producer and checkpoint signing key. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);

    @Bean
    Clock ledgerClock() {
        return Clock.systemUTC();
    }

    @Bean
    TransactionTemplate ledgerTransaction(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    /**
     * The checkpoint signing key from {@code roundtable.audit.signing-key}, a file the operator provides from outside the
     * ledger's database. Only with {@code roundtable.audit.generate-signing-key=true} (the local stack, tests) is a
     * missing file generated, readable by its owner only.
     */
    @Bean
    LedgerKeys ledgerKeys(AuditProperties properties) {
        Path file = properties.signingKey();
        try {
            if (Files.exists(file)) {
                return LedgerKeys.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
            }
            if (!properties.generateSigningKey()) {
                throw new IllegalStateException("the checkpoint signing key " + file + " does not exist: provide the key file "
                        + "(roundtable.audit.signing-key), or set roundtable.audit.generate-signing-key=true on a local stack");
            }
            LedgerKeys generated = LedgerKeys.generate();
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, generated.toPem(), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.warn("ledger: cannot restrict the permissions of {} on this file system", file);
            }
            log.info("ledger: generated checkpoint signing key {} in {}", generated.keyId(), file);
            return generated;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read or create the checkpoint signing key " + file, unreadable);
        }
    }
}
