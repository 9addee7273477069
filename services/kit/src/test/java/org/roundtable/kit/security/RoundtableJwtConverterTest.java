package org.roundtable.kit.security;

import org.junit.jupiter.api.Test;
import org.roundtable.events.Role;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RoundtableJwtConverterTest {

    private final RoundtableJwtConverter converter = new RoundtableJwtConverter();

    @Test
    void readsRolesFromTheRolesClaim() {
        RoundtableAuthentication auth = convert(Map.of("roles", List.of("CITIZEN", "STAFF")));

        assertThat(auth.roles()).containsExactlyInAnyOrder(Role.CITIZEN, Role.STAFF);
        assertThat(auth.getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_CITIZEN", "ROLE_STAFF");
        assertThat(auth.getName()).isEqualTo("person-1");
    }

    @Test
    void readsRolesFromKeycloaksRealmAccessAndIgnoresForeignOnes() {
        RoundtableAuthentication auth = convert(Map.of("realm_access",
                Map.of("roles", List.of("commissioner", "offline_access", "default-roles-roundtable"))));

        assertThat(auth.roles()).containsExactly(Role.COMMISSIONER);
    }

    @Test
    void acceptsAWholeKeycloakAccessTokenWithItsNameAndRealmRoles() {
        Jwt keycloak = Jwt.withTokenValue("token").header("alg", "RS256").header("kid", "realm-key")
                .issuer("http://127.0.0.1:8180/realms/roundtable")
                .subject("chen")
                .audience(List.of("account"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .claim("typ", "Bearer").claim("azp", "roundtable-gateway")
                .claim("preferred_username", "chen").claim("name", "Chen Li")
                .claim("realm_access", Map.of("roles", List.of("default-roles-roundtable", "offline_access",
                        "uma_authorization", "STAFF", "CITIZEN")))
                .claim("resource_access", Map.of("account", Map.of("roles", List.of("manage-account"))))
                .claim("scope", "openid profile email")
                .build();

        RoundtableAuthentication auth = (RoundtableAuthentication) converter.convert(keycloak);

        assertThat(auth.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.CITIZEN);
        assertThat(auth.getName()).isEqualTo("chen");
        assertThat(auth.displayName()).isEqualTo("Chen Li");
    }

    @Test
    void neverGrantsTheSystemRoleAndGrantsNothingWithoutRoles() {
        assertThat(convert(Map.of("roles", List.of("SYSTEM", "AUDITOR"))).roles()).containsExactly(Role.AUDITOR);
        assertThat(convert(Map.of("scope", "openid")).roles()).isEmpty();
    }

    private RoundtableAuthentication convert(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("person-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return (RoundtableAuthentication) converter.convert(jwt.build());
    }
}
