package org.roundtable.audit.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The byte encoding hashed by the ledger: a version tag, then each field in a fixed order as one presence byte
 * (0 absent, 1 present) followed, when present, by the field's UTF-8 bytes prefixed with their length as four bytes,
 * big-endian. Lengths make the encoding unambiguous: no two different field lists encode to the same bytes.
 */
final class CanonicalEncoding {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

    CanonicalEncoding(String versionTag) {
        field(versionTag);
    }

    CanonicalEncoding field(String value) {
        if (value == null) {
            out.write(0);
            return this;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(1);
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.write(bytes, 0, bytes.length);
        return this;
    }

    CanonicalEncoding field(Long value) {
        return field(value == null ? null : value.toString());
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
