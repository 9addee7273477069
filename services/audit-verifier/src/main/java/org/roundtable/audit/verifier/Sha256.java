package org.roundtable.audit.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the lower-case hex form every hash of the ledger is written in. */
public final class Sha256 {

    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    private static final ThreadLocal<MessageDigest> REUSED = ThreadLocal.withInitial(Sha256::digest);

    /**
     * This thread's own digest, for a hash computed start to finish without handing the digest on: finding a provider
     * for every hash costs more than hashing an entry.
     */
    static MessageDigest reused() {
        MessageDigest digest = REUSED.get();
        digest.reset();
        return digest;
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("this JDK has no SHA-256", missing);
        }
    }

    public static byte[] of(byte[] data) {
        return digest().digest(data);
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** Reads a hash written by {@link #hex}; anything that is not 64 hex digits is refused. */
    public static byte[] fromHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("a SHA-256 hash is 64 hex digits, was '" + hex + "'");
        }
        return HEX.parseHex(hex);
    }
}
