package org.roundtable.events;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRolesTest {

    @Test
    void readsTheLocalServersRolesClaim() {
        assertThat(TokenRoles.grantedBy(Map.of("roles", List.of("STAFF", "CITIZEN")))).containsExactlyInAnyOrder(Role.STAFF, Role.CITIZEN);
    }

    @Test
    void readsKeycloaksRealmRolesIgnoringItsOwn() {
        assertThat(TokenRoles.grantedBy(Map.of("realm_access", Map.of("roles",
                List.of("default-roles-roundtable", "offline_access", "uma_authorization", "AUDITOR")))))
                .containsExactly(Role.AUDITOR);
    }

    @Test
    void acceptsASpaceSeparatedStringAndMergesBothPlaces() {
        assertThat(TokenRoles.grantedBy(Map.of("roles", "citizen staff", "realm_access", Map.of("roles", List.of("PROVIDER")))))
                .containsExactlyInAnyOrder(Role.CITIZEN, Role.STAFF, Role.PROVIDER);
    }

    @Test
    void neverGrantsSystemAndGrantsNothingWithoutRoleClaims() {
        assertThat(TokenRoles.grantedBy(Map.of("roles", List.of("SYSTEM")))).isEmpty();
        assertThat(TokenRoles.grantedBy(Map.of("scope", "openid", "realm_access", "not a map"))).isEmpty();
    }
}
