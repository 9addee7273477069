package org.roundtable.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestTokensIT {

    private static TestTokens tokens;
    private static JWKSet published;
    private static DefaultJWTProcessor<SecurityContext> verifier;

    @BeforeAll
    static void fetchThePublishedKeys() throws Exception {
        tokens = TestTokens.shared();
        published = JWKSet.load(URI.create(tokens.jwkSetUri()).toURL());
        verifier = new DefaultJWTProcessor<>();
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(published)));
    }

    @Test
    void publishesOnePublicKeyAndTheDiscoveryDocument() throws Exception {
        assertThat(tokens.issuer()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(tokens.jwkSetUri()).isEqualTo(tokens.issuer() + "/jwks");
        assertThat(published.getKeys()).hasSize(1);
        assertThat(published.getKeys().get(0).isPrivate()).isFalse();

        JsonNode discovery = new ObjectMapper().readTree(URI.create(tokens.issuer() + "/.well-known/openid-configuration").toURL());
        assertThat(discovery.get("issuer").asText()).isEqualTo(tokens.issuer());
        assertThat(discovery.get("jwks_uri").asText()).isEqualTo(tokens.jwkSetUri());
    }

    @Test
    void aMintedTokenVerifiesAndCarriesItsClaims() throws Exception {
        String token = tokens.mint("citizen-1", "Ada Lovelace", "CITIZEN", "STAFF");

        JWTClaimsSet claims = verifier.process(token, null);

        SignedJWT parsed = SignedJWT.parse(token);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(parsed.getHeader().getKeyID()).isEqualTo(published.getKeys().get(0).getKeyID());
        assertThat(claims.getIssuer()).isEqualTo(tokens.issuer());
        assertThat(claims.getSubject()).isEqualTo("citizen-1");
        assertThat(claims.getStringClaim("name")).isEqualTo("Ada Lovelace");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("citizen-1");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CITIZEN", "STAFF");
        assertThat(claims.getClaim("realm_access")).isNull();
        assertThat(claims.getIssueTime().toInstant()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertThat(claims.getExpirationTime().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(15)), within(Duration.ofMinutes(1)));
    }

    @Test
    void aKeycloakStyleTokenCarriesItsRolesOnlyUnderRealmAccess() throws Exception {
        JWTClaimsSet claims = verifier.process(tokens.mintKeycloakStyle("commissioner-1", "Grace Hopper", "COMMISSIONER"), null);

        assertThat(claims.getSubject()).isEqualTo("commissioner-1");
        assertThat(claims.getStringClaim("name")).isEqualTo("Grace Hopper");
        assertThat(claims.getClaim("roles")).isNull();
        Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
        assertThat(realmAccess).containsEntry("roles", List.of("COMMISSIONER"));
    }

    @Test
    void anExpiredTokenFailsVerification() {
        assertThatThrownBy(() -> verifier.process(tokens.mintExpired("late", "CITIZEN"), null))
                .isInstanceOf(BadJOSEException.class)
                .hasMessageContaining("Expired");
    }

    @Test
    void aTokenSignedWithAnUnpublishedKeyFailsVerification() {
        assertThatThrownBy(() -> verifier.process(tokens.mintWithUnknownKey("forger", "AUDITOR"), null))
                .isInstanceOf(BadJOSEException.class);
    }
}
