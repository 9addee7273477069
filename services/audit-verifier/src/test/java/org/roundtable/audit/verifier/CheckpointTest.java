package org.roundtable.audit.verifier;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints as C2SP signed notes, their log signature and witnesses' cosignatures, and what reading refuses. */
class CheckpointTest {

    private final LedgerKeys log = LedgerKeys.generate();
    private final LedgerKeys witness = LedgerKeys.generate();
    private final byte[] root = Sha256.of("a root".getBytes());
    private final Checkpoint checkpoint = Checkpoint.of("roundtable.test/ledger", 1234, root).signedBy(log, "roundtable.test/ledger");

    @Test
    void aCheckpointIsASignedNoteWithOriginSizeAndBase64Root() {
        String text = checkpoint.text();
        String[] lines = text.split("\n", -1);
        assertThat(lines[0]).isEqualTo("roundtable.test/ledger");
        assertThat(lines[1]).isEqualTo("1234");
        assertThat(lines[2]).isEqualTo(Base64.getEncoder().encodeToString(root));
        assertThat(lines[3]).isEmpty();
        assertThat(lines[4]).startsWith("\u2014 roundtable.test/ledger ");
        byte[] signature = Base64.getDecoder().decode(lines[4].substring(lines[4].lastIndexOf(' ') + 1));
        NoteKey key = log.noteKey("roundtable.test/ledger", NoteKey.ED25519);
        assertThat(java.util.Arrays.copyOf(signature, 4)).isEqualTo(key.keyId());
        assertThat(signature).hasSize(4 + 64);
        assertThat(Checkpoint.parse(text)).isEqualTo(checkpoint);
        assertThat(Checkpoint.parse(text).signedBy(key)).isTrue();
        assertThat(NoteKey.parse(key.vkey())).isEqualTo(key);
    }

    @Test
    void theSignatureCoversTheBodyAndTheKeyIdAndNameArePinned() {
        NoteKey key = log.noteKey("roundtable.test/ledger", NoteKey.ED25519);
        Checkpoint otherSize = Checkpoint.parse(checkpoint.text().replace("\n1234\n", "\n1235\n"));
        assertThat(otherSize.signedBy(key)).isFalse();
        assertThat(checkpoint.signedBy(LedgerKeys.generate().noteKey("roundtable.test/ledger", NoteKey.ED25519))).isFalse();
        assertThat(checkpoint.signedBy(log.noteKey("another/name", NoteKey.ED25519))).isFalse();
        String vkey = key.vkey();
        assertThatThrownBy(() -> NoteKey.parse(vkey.replace("+" + key.keyIdHex() + "+", "+00000000+"))).hasMessageContaining("is not the id");
    }

    @Test
    void aWitnessCosignatureIsTimestampedAndVerifiesOnlyWithItsKey() {
        NoteSignature cosignature = checkpoint.cosignature(witness, "witness.test/w1", 1_700_000_000L);
        Checkpoint cosigned = Checkpoint.parse(checkpoint.with(cosignature).text());
        NoteKey witnessKey = witness.noteKey("witness.test/w1", NoteKey.COSIGNATURE_V1);

        assertThat(cosigned.cosignedAt(witnessKey)).isEqualTo(1_700_000_000L);
        assertThat(cosigned.signedBy(log.noteKey("roundtable.test/ledger", NoteKey.ED25519))).isTrue();
        assertThat(checkpoint.cosignedAt(witnessKey)).isEqualTo(-1);
        assertThat(cosigned.cosignedAt(LedgerKeys.generate().noteKey("witness.test/w1", NoteKey.COSIGNATURE_V1))).isEqualTo(-1);
        Checkpoint moved = Checkpoint.parse(cosigned.text().replace("\n1234\n", "\n1235\n"));
        assertThat(moved.cosignedAt(witnessKey)).as("a cosignature covers the body").isEqualTo(-1);
    }

    @Test
    void readingRefusesWhatIsNotExactlyASignedCheckpoint() {
        String text = checkpoint.text();
        assertThatThrownBy(() -> Checkpoint.parse(text.replace("\n1234\n", "\n01234\n"))).hasMessageContaining("not a canonical decimal");
        assertThatThrownBy(() -> Checkpoint.parse(text.replace("\n1234\n", "\n+1234\n"))).hasMessageContaining("not a canonical decimal");
        assertThatThrownBy(() -> Checkpoint.parse(text.replace("\n1234\n", "\n9223372036854775808\n"))).hasMessageContaining("beyond");
        assertThatThrownBy(() -> Checkpoint.parse(text.replace("\n1234\n", "\n1234\nextension\n"))).hasMessageContaining("exactly three lines");
        assertThatThrownBy(() -> Checkpoint.parse(text.substring(0, text.indexOf("\n\n") + 2))).hasMessageContaining("at least one signature");
        String rootLine = Base64.getEncoder().encodeToString(root);
        assertThatThrownBy(() -> Checkpoint.parse(text.replace(rootLine, rootLine.replace("=", "")))).hasMessageContaining("base64");
        assertThatThrownBy(() -> Checkpoint.parse(text.replace("\u2014 ", "- "))).hasMessageContaining("signature line");
        assertThatThrownBy(() -> Checkpoint.parse(text.substring(0, text.length() - 1))).hasMessageContaining("ends with a newline");
    }
}
