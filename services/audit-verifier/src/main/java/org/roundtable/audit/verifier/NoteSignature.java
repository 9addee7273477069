package org.roundtable.audit.verifier;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a C2SP signed note: {@code — <key name> base64(4-byte key id || signature)}. For a
 * cosignature (C2SP tlog-cosignature) the signature is the 8-byte big-endian time of cosigning followed by the
 * 64-byte Ed25519 signature.
 */
public record NoteSignature(String name, byte[] keyId, byte[] signature) {

    static final String PREFIX = "\u2014 ";

    public NoteSignature {
        Objects.requireNonNull(name, "name");
        if (keyId.length != 4) {
            throw new IllegalArgumentException("a note key id is 4 bytes");
        }
        keyId = keyId.clone();
        signature = signature.clone();
    }

    public String line() {
        byte[] both = new byte[4 + signature.length];
        System.arraycopy(keyId, 0, both, 0, 4);
        System.arraycopy(signature, 0, both, 4, signature.length);
        return PREFIX + name + " " + Base64.getEncoder().encodeToString(both);
    }

    /** Reads a signature line (without its newline); refuses anything not exactly in the form {@link #line()} writes. */
    public static NoteSignature parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a signature line starts with '\u2014 '");
        }
        String rest = line.substring(PREFIX.length());
        int space = rest.indexOf(' ');
        if (space <= 0 || rest.indexOf(' ', space + 1) >= 0) {
            throw new IllegalArgumentException("a signature line is '\u2014 <name> <base64>'");
        }
        byte[] both = Checkpoint.canonicalBase64(rest.substring(space + 1), "the signature");
        if (both.length < 5) {
            throw new IllegalArgumentException("a signature is a key id and at least one byte");
        }
        return new NoteSignature(rest.substring(0, space), Arrays.copyOf(both, 4), Arrays.copyOfRange(both, 4, both.length));
    }

    /** Whether this line claims to be by the key (same name and key id); only then is its signature checked. */
    public boolean claims(NoteKey key) {
        return name.equals(key.name()) && Arrays.equals(keyId, key.keyId());
    }
}
