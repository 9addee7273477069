package org.roundtable.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The byte encoding hashed by the ledger: a version tag, then each field in a fixed order as one presence byte
 * (0 absent, 1 present) followed, when present, by the field's UTF-8 bytes prefixed with their length as four bytes,
 * big-endian. Lengths make the encoding unambiguous: no two different field lists encode to the same bytes.
 */
final class CanonicalEncoding {

    private byte[] out = new byte[512];
    private int size;

    CanonicalEncoding(String versionTag) {
        field(versionTag);
    }

    CanonicalEncoding field(String value) {
        if (value == null) {
            room(1);
            out[size++] = 0;
            return this;
        }
        int length = value.length();
        room(5 + length);
        int start = size + 5;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return field(value.getBytes(StandardCharsets.UTF_8));
            }
            out[start + i] = (byte) c;
        }
        prefix(length);
        size = start + length;
        return this;
    }

    CanonicalEncoding field(Long value) {
        return field(value == null ? null : value.toString());
    }

    private CanonicalEncoding field(byte[] bytes) {
        room(5 + bytes.length);
        prefix(bytes.length);
        System.arraycopy(bytes, 0, out, size + 5, bytes.length);
        size += 5 + bytes.length;
        return this;
    }

    private void prefix(int length) {
        out[size] = 1;
        out[size + 1] = (byte) (length >>> 24);
        out[size + 2] = (byte) (length >>> 16);
        out[size + 3] = (byte) (length >>> 8);
        out[size + 4] = (byte) length;
    }

    private void room(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }

    byte[] bytes() {
        return Arrays.copyOf(out, size);
    }

    /** Hashes the encoding without copying it. */
    void update(MessageDigest digest) {
        digest.update(out, 0, size);
    }
}
