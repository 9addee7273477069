package org.roundtable.participation.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The stable pseudonym under which someone appears everywhere public when they have not consented to be named:
 * derived from their id with a secret key, so it never changes for them and cannot be traced back without the key.
 */
public final class Pseudonyms {

    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final SecretKeySpec key;

    public Pseudonyms(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the pseudonym key must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(String participantId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(participantId.getBytes(StandardCharsets.UTF_8));
            StringBuilder name = new StringBuilder("Neighbour ");
            for (int i = 0; i < 6; i++) {
                name.append(ALPHABET[(digest[i] & 0xff) % ALPHABET.length]);
            }
            return name.toString();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is unavailable", unavailable);
        }
    }
}
