package org.roundtable.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;

/**
 * The RSA key that signs every token, kept as a JWK file in the data directory, so that tokens issued before a
 * restart still validate after it. Generated on first start.
 */
public final class PersistentSigningKey {

    static final String FILE_NAME = "signing-key.jwk.json";

    private PersistentSigningKey() {
    }

    public static RSAKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return JWK.parse(Files.readString(file, StandardCharsets.UTF_8)).toRSAKey();
            }
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                    .keyID("roundtable-" + Instant.now().getEpochSecond()).generate();
            Files.createDirectories(dataDir);
            Path partial = Files.createTempFile(dataDir, FILE_NAME, ".partial");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot keep the signing key in " + file, failure);
        } catch (ParseException | JOSEException | IllegalStateException unreadable) {
            throw new IllegalStateException("the signing key in " + file + " is unreadable; move it away to start afresh",
                    unreadable);
        }
    }
}
