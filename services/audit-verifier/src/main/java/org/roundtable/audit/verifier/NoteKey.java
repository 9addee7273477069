package org.roundtable.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A named Ed25519 public key as the C2SP signed-note format knows it: a log's key signs checkpoints (signature type
 * {@code 0x01}), a witness's key cosigns them ({@code 0x04}, C2SP tlog-cosignature). Its key id is the first four bytes of
 * {@code SHA-256(name || 0x0A || type || 32-byte public key)}, and its text form is the verifier key ("vkey")
 * {@code <name>+<key id, 8 hex digits>+<base64(type || public key)>}, which is what a client pins.
 */
public record NoteKey(String name, byte type, byte[] publicKey) {

    public static final byte ED25519 = 0x01;
    public static final byte COSIGNATURE_V1 = 0x04;

    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public NoteKey {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == '+' || c == 0x7f)) {
            throw new IllegalArgumentException("a key name is non-empty and holds no space, control character or '+'");
        }
        if (type != ED25519 && type != COSIGNATURE_V1) {
            throw new IllegalArgumentException("unsupported signature type " + type);
        }
        if (publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    public static NoteKey of(String name, byte type, PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != 44 || !Arrays.equals(Arrays.copyOf(encoded, 12), X509_PREFIX)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return new NoteKey(name, type, Arrays.copyOfRange(encoded, 12, 44));
    }

    /** Reads a verifier key; anything but exactly the form {@link #vkey()} writes is refused. */
    public static NoteKey parse(String vkey) {
        String text = vkey == null ? "" : vkey.strip();
        int first = text.indexOf('+');
        int second = first < 0 ? -1 : text.indexOf('+', first + 1);
        String[] parts = second < 0 ? new String[0]
                : new String[]{text.substring(0, first), text.substring(first + 1, second), text.substring(second + 1)};
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<key id>+<base64 key>");
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the verifier key's key is not base64");
        }
        if (material.length != 33) {
            throw new IllegalArgumentException("the verifier key's key is not a type byte and 32 bytes");
        }
        NoteKey key = new NoteKey(parts[0], material[0], Arrays.copyOfRange(material, 1, 33));
        if (!key.keyIdHex().equals(parts[1]) || !key.vkey().equals(vkey.strip())) {
            throw new IllegalArgumentException("the verifier key's id " + parts[1] + " is not the id of its name and key");
        }
        return key;
    }

    public byte[] keyId() {
        var digest = Sha256.digest();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(type);
        digest.update(publicKey);
        return Arrays.copyOf(digest.digest(), 4);
    }

    public String keyIdHex() {
        return HexFormat.of().formatHex(keyId());
    }

    public String vkey() {
        byte[] material = new byte[33];
        material[0] = type;
        System.arraycopy(publicKey, 0, material, 1, 32);
        return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(material);
    }

    public PublicKey javaKey() {
        byte[] encoded = new byte[44];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, 12);
        System.arraycopy(publicKey, 0, encoded, 12, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException invalid) {
            throw new IllegalArgumentException("not an Ed25519 public key", invalid);
        }
    }

    public boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(javaKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException invalid) {
            return false;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteKey key && key.name.equals(name) && key.type == type && Arrays.equals(key.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, Arrays.hashCode(publicKey));
    }

    @Override
    public String toString() {
        return vkey();
    }
}
