package org.roundtable.kit.authority;

import org.roundtable.events.Role;
import org.roundtable.kit.actor.RequestActors;
import org.roundtable.kit.security.RoundtableAuthentication;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Set;

/** The current request of a unit test, made by a person whose token holds these roles, as the kit's security sees it. */
final class SignedInRequest {

    private SignedInRequest() {
    }

    /** Makes the request current; {@code actingRole} is the role asked for in the header, or null. */
    static MockHttpServletRequest of(String subject, Set<Role> roles, String actingRole) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject(subject)
                .claim("name", subject.substring(0, 1).toUpperCase() + subject.substring(1)).build();
        SecurityContextHolder.getContext().setAuthentication(new RoundtableAuthentication(jwt, roles));
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (actingRole != null) {
            request.addHeader(RequestActors.ACTING_ROLE_HEADER, actingRole);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        return request;
    }

    static void forget() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }
}
