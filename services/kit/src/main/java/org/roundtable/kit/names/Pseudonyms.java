package org.roundtable.kit.names;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;

/**
 * The stable pseudonym and pseudonymous id under which someone appears everywhere public when they have not consented
 * to be named: derived from their login id with a secret key ({@code roundtable.pseudonym-key}, the same in every
 * service), so they never change for them, are the same in every service's views and cannot be traced back without
 * the key.
 */
public final class Pseudonyms {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final String ID_PREFIX = "neighbour-";

    private final SecretKeySpec key;

    public Pseudonyms(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the pseudonym key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The name shown for someone who has not consented to be named, e.g. {@code Neighbour K7PQ2M}. */
    public String of(String participantId) {
        return "Neighbour " + code(participantId, 6);
    }

    /** The id that stands for someone in public views when they have not consented to be named. */
    public String idOf(String participantId) {
        return ID_PREFIX + code("id:" + participantId, 12).toLowerCase(Locale.ROOT);
    }

    private String code(String input, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < length; i++) {
                code.append(ALPHABET[(digest[i] & 0xff) % ALPHABET.length]);
            }
            return code.toString();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is unavailable", unavailable);
        }
    }
}
