package org.roundtable.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Ed25519 key pair that signs checkpoints, and the PEM forms it is kept and published in: the private key as a
 * PKCS#8 {@code PRIVATE KEY} block, the public key as an X.509 {@code PUBLIC KEY} block. A key file holds both blocks
 * (the JDK cannot derive an Ed25519 public key from the private one). The key id is the hex SHA-256 of the public
 * key's X.509 encoding.
 */
public final class LedgerKeys {

    private static final String ALGORITHM = "Ed25519";
    private static final Pattern PRIVATE_BLOCK = block("PRIVATE KEY");
    private static final Pattern PUBLIC_BLOCK = block("PUBLIC KEY");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private LedgerKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static LedgerKeys generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new LedgerKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("this JDK cannot generate Ed25519 keys", unavailable);
        }
    }

    /** Reads a key file written by {@link #toPem()}: a PRIVATE KEY block and a PUBLIC KEY block; checks they match. */
    public static LedgerKeys fromPem(String pem) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(der(PRIVATE_BLOCK, pem, "PRIVATE KEY")));
            LedgerKeys keys = new LedgerKeys(privateKey, publicKeyFromPem(pem));
            byte[] probe = "roundtable-ledger-key-check".getBytes(StandardCharsets.UTF_8);
            if (!verify(keys.publicKey, probe, keys.sign(probe))) {
                throw new IllegalArgumentException("the key file's public key does not belong to its private key");
            }
            return keys;
        } catch (GeneralSecurityException invalid) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + invalid.getMessage(), invalid);
        }
    }

    /** Reads the PUBLIC KEY block of a PEM text. */
    public static PublicKey publicKeyFromPem(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(PUBLIC_BLOCK, pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException invalid) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + invalid.getMessage(), invalid);
        }
    }

    public String toPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded()) + publicKeyPem();
    }

    public String publicKeyPem() {
        return publicKeyPem(publicKey);
    }

    public static String publicKeyPem(PublicKey publicKey) {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyIdOf(publicKey);
    }

    public static String keyIdOf(PublicKey publicKey) {
        return Sha256.hex(Sha256.of(publicKey.getEncoded()));
    }

    /** The Ed25519 signature of the data. */
    public byte[] signature(byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("could not sign with Ed25519", failure);
        }
    }

    /** This key as a named signed-note key of the given signature type. */
    public NoteKey noteKey(String name, byte type) {
        return NoteKey.of(name, type, publicKey);
    }

    /** The Ed25519 signature of the data, base64. */
    public String sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(data);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException failure) {
            throw new IllegalStateException("could not sign with Ed25519", failure);
        }
    }

    public static boolean verify(PublicKey publicKey, byte[] data, String signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(data);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException invalid) {
            return false;
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(Pattern block, String pem, String label) {
        Matcher matcher = block.matcher(pem == null ? "" : pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no '" + label + "' PEM block");
        }
        return Base64.getMimeDecoder().decode(matcher.group(1));
    }

    private static Pattern block(String label) {
        return Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]+)-----END " + label + "-----");
    }
}
