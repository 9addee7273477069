package org.roundtable.events;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles a token's claims grant, whichever issuer signed it: a top-level {@code roles} claim (the local
 * authorization server) or {@code realm_access.roles} (Keycloak). Names that are not Roundtable roles, such as
 * Keycloak's {@code offline_access}, are ignored; the role SYSTEM is never granted by a token.
 */
public final class TokenRoles {

    private TokenRoles() {
    }

    public static Set<Role> grantedBy(Map<String, ?> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        addRoles(claims.get("roles"), roles);
        if (claims.get("realm_access") instanceof Map<?, ?> realm) {
            addRoles(realm.get("roles"), roles);
        }
        roles.remove(Role.SYSTEM);
        return roles;
    }

    private static void addRoles(Object claim, Set<Role> roles) {
        if (claim instanceof Collection<?> names) {
            for (Object name : names) {
                try {
                    roles.add(Role.parse(String.valueOf(name)));
                } catch (IllegalArgumentException notOurs) {
                    // a role of another application sharing the identity provider
                }
            }
        } else if (claim instanceof String single) {
            addRoles(List.of(single.split("[ ,]+")), roles);
        }
    }
}
