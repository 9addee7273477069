package org.roundtable.kit.security;

import org.roundtable.events.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads the roles a token grants from a top-level {@code roles} claim (the local authorization server) or from
 * {@code realm_access.roles} (Keycloak). Names that are not Roundtable roles, such as Keycloak's
 * {@code offline_access}, are ignored; the role SYSTEM is never granted by a token.
 */
public class RoundtableJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        addRoles(jwt.getClaim("roles"), roles);
        Object realmAccess = jwt.getClaim("realm_access");
        if (realmAccess instanceof Map<?, ?> realm) {
            addRoles(realm.get("roles"), roles);
        }
        roles.remove(Role.SYSTEM);
        return new RoundtableAuthentication(jwt, roles);
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
            addRoles(java.util.List.of(single.split("[ ,]+")), roles);
        }
    }
}
