package org.roundtable.kit.security;

import org.roundtable.events.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** An authenticated bearer of a JWT: named by its subject, with the Roundtable roles the token grants. */
public class RoundtableAuthentication extends JwtAuthenticationToken {

    private final Set<Role> roles;

    public RoundtableAuthentication(Jwt jwt, Set<Role> roles) {
        super(jwt, authorities(roles), jwt.getSubject());
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public Set<Role> roles() {
        return roles;
    }

    /** The display name the token carries; it is never published without the person's consent. */
    public String displayName() {
        String name = getToken().getClaimAsString("name");
        return name != null ? name : getToken().getClaimAsString("preferred_username");
    }

    private static Collection<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
