package org.roundtable.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real RS256-signed JWTs for tests, from an issuer that serves its JWK set and OIDC discovery over HTTP on loopback,
 * as an authorization server does. One key pair per test JVM.
 */
public final class TestTokens {

    /** The audience Roundtable's APIs accept. */
    public static final String AUDIENCE = "roundtable";

    private static final String KEY_ID = "roundtable-test";
    private static TestTokens shared;

    private final RSAKey key;
    private final RSAKey unknownKey;
    private final String issuer;

    private TestTokens() throws JOSEException, IOException {
        key = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        // the same key id as the published key: a forger would claim it, and only the signature gives it away
        unknownKey = new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"subject_types_supported\":[\"public\"]}";
        server.createContext("/jwks", exchange -> respond(exchange, jwks));
        server.createContext("/.well-known/openid-configuration", exchange -> respond(exchange, discovery));
        server.setExecutor(null);
        // the server's dispatcher thread inherits daemon status from the thread that starts it, so it never keeps a
        // finished test JVM alive
        Thread serving = new Thread(server::start, "test-token-issuer");
        serving.setDaemon(true);
        serving.start();
        try {
            serving.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the token issuer", interrupted);
        }
    }

    public static synchronized TestTokens shared() {
        if (shared == null) {
            try {
                shared = new TestTokens();
            } catch (JOSEException failure) {
                throw new IllegalStateException("could not generate a signing key", failure);
            } catch (IOException failure) {
                throw new UncheckedIOException("could not serve the JWK set", failure);
            }
        }
        return shared;
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/jwks";
    }

    /** A token as the local authorization server issues it: roles in a top-level {@code roles} claim. */
    public String mint(String subject, String name, String... roles) {
        return sign(key, claims(subject, name, Instant.now().plus(Duration.ofMinutes(15))).claim("roles", List.of(roles)).build());
    }

    /** A token shaped as Keycloak issues it: roles only under {@code realm_access.roles}. */
    public String mintKeycloakStyle(String subject, String name, String... roles) {
        return sign(key, claims(subject, name, Instant.now().plus(Duration.ofMinutes(15)))
                .claim("realm_access", Map.of("roles", List.of(roles))).build());
    }

    public String mintExpired(String subject, String... roles) {
        return sign(key, claims(subject, subject, Instant.now().minus(Duration.ofMinutes(5))).claim("roles", List.of(roles)).build());
    }

    /** Signed by a key the issuer never published (under the published key's id): no resource server may accept it. */
    public String mintWithUnknownKey(String subject, String... roles) {
        return sign(unknownKey, claims(subject, subject, Instant.now().plus(Duration.ofMinutes(15))).claim("roles", List.of(roles)).build());
    }

    /** A well-signed token issued for another audience: no Roundtable API may accept it. */
    public String mintForAudience(String audience, String subject, String... roles) {
        return sign(key, claims(subject, subject, Instant.now().plus(Duration.ofMinutes(15))).audience(audience)
                .claim("roles", List.of(roles)).build());
    }

    private JWTClaimsSet.Builder claims(String subject, String name, Instant expiry) {
        Instant issuedAt = expiry.isBefore(Instant.now()) ? expiry.minus(Duration.ofMinutes(15)) : Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .claim("name", name)
                .claim("preferred_username", subject)
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiry));
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException failure) {
            throw new IllegalStateException("could not sign a test token", failure);
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
