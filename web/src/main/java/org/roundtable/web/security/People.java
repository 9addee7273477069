package org.roundtable.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.roundtable.events.Role;
import org.roundtable.events.TokenRoles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;
import java.util.Optional;

/**
 * Who is looking at a page: nobody (a visitor) or a {@link Person}. The role a person acts in is kept in this
 * application's session, under their subject, so that a later sign-in by someone else on the same browser never
 * inherits it.
 */
@Component
public class People {

    private static final String ACTING_ROLE = People.class.getName() + ".actingRole";

    public Optional<Person> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        Jwt jwt = token.getToken();
        List<Role> roles = TokenRoles.grantedBy(jwt.getClaims()).stream().sorted().toList();
        String name = jwt.getClaimAsString("name");
        Role acting = roles.size() == 1 ? roles.get(0) : chosenRole(jwt.getSubject(), roles);
        return Optional.of(new Person(jwt.getSubject(), name == null ? jwt.getSubject() : name, roles, acting, jwt.getTokenValue()));
    }

    public Person required() {
        return current().orElseThrow(SignInNeeded::new);
    }

    /** Someone signed in who has chosen the role they act in: whoever sends a command. */
    public Person acting() {
        Person person = required();
        if (person.mustChooseRole()) {
            throw new RoleNeeded();
        }
        return person;
    }

    /** Keeps the chosen role for this person; refuses a role their token does not grant. */
    public void choose(Person person, Role role) {
        if (!person.roles().contains(role)) {
            throw new IllegalArgumentException("the role " + role + " is not one of " + person.roles());
        }
        request().getSession(true).setAttribute(ACTING_ROLE, new Choice(person.subject(), role));
    }

    private Role chosenRole(String subject, List<Role> roles) {
        HttpSession session = request().getSession(false);
        if (session != null && session.getAttribute(ACTING_ROLE) instanceof Choice choice && choice.subject().equals(subject)
                && roles.contains(choice.role())) {
            return choice.role();
        }
        return null;
    }

    private static HttpServletRequest request() {
        RequestAttributes attributes = RequestContextHolder.currentRequestAttributes();
        return ((ServletRequestAttributes) attributes).getRequest();
    }

    private record Choice(String subject, Role role) implements java.io.Serializable {
    }
}
