package org.roundtable.audit.verifier;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerKeysTest {

    @Test
    void aKeyFileReadsBackAsTheSameKeyAndItsPublicHalfVerifiesItsSignatures() {
        LedgerKeys keys = LedgerKeys.generate();
        LedgerKeys read = LedgerKeys.fromPem(keys.toPem());
        byte[] data = "statement".getBytes(StandardCharsets.UTF_8);

        assertThat(read.keyId()).isEqualTo(keys.keyId());
        assertThat(LedgerKeys.verify(LedgerKeys.publicKeyFromPem(keys.publicKeyPem()), data, read.sign(data))).isTrue();
        assertThat(LedgerKeys.verify(keys.publicKey(), "other".getBytes(StandardCharsets.UTF_8), read.sign(data))).isFalse();
        assertThat(keys.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n").doesNotContain("PRIVATE");
    }

    @Test
    void aKeyFileWhosePublicKeyIsAnotherKeysIsRefused() {
        LedgerKeys one = LedgerKeys.generate();
        String mixed = one.toPem().substring(0, one.toPem().indexOf("-----BEGIN PUBLIC KEY")) + LedgerKeys.generate().publicKeyPem();
        assertThatThrownBy(() -> LedgerKeys.fromPem(mixed)).hasMessageContaining("does not belong");
        assertThatThrownBy(() -> LedgerKeys.fromPem("nothing")).hasMessageContaining("PRIVATE KEY");
    }
}
