package org.roundtable.kit.security;

import org.roundtable.events.TokenRoles;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the roles a token grants from a top-level {@code roles} claim (the local authorization server) or from
 * {@code realm_access.roles} (Keycloak), as {@link TokenRoles} does for every component that checks tokens.
 */
public class RoundtableJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new RoundtableAuthentication(jwt, TokenRoles.grantedBy(jwt.getClaims()));
    }
}
