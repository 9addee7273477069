package org.roundtable.kit.actor;

import jakarta.servlet.http.HttpServletRequest;
import org.roundtable.events.Actor;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.Authorities;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.security.RoundtableAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting in the current request, and in which role. A person may hold several roles; they choose one with the
 * {@value #ACTING_ROLE_HEADER} header. Without it the role is the first of the permitted roles they hold. Acting in a
 * public office, they are named by their token's {@code name} claim; acting as a citizen, they are not (see
 * {@link Actor}).
 */
public class RequestActors {

    public static final String ACTING_ROLE_HEADER = "X-Acting-Role";

    /** Who sent the current request (their token's subject), if it is authenticated, whatever role they act in. */
    public Optional<String> subjectId() {
        return authentication().map(RoundtableAuthentication::getName);
    }

    /** The actor of the current request, if it is authenticated. */
    public Optional<Actor> current() {
        return authentication().map(auth -> actorFor(auth, List.of(Role.values())));
    }

    /**
     * The actor of the current request acting in one of the given roles.
     *
     * @throws NotPermitted when the token holds none of them, or the requested acting role is not among them
     */
    public Actor actingAs(Role... permitted) {
        RoundtableAuthentication auth = authentication()
                .orElseThrow(() -> new NotPermitted("an authenticated actor is required"));
        return actorFor(auth, Arrays.asList(permitted));
    }

    /**
     * The actor of the current request acting in one of the roles the command's
     * {@link org.roundtable.kit.authority.Authority} opens it to.
     *
     * @throws NotPermitted when the token holds none of them, or the requested acting role is not among them
     */
    public Actor sending(Class<?> command) {
        return actingAs(Authorities.rolesOf(command).toArray(Role[]::new));
    }

    /** The roles the current request's token holds; none when it is not authenticated. */
    public Set<Role> heldRoles() {
        return authentication().map(RoundtableAuthentication::roles).orElse(Set.of());
    }

    /** The correlation id of the current request, if there is one. */
    public Optional<String> correlationId() {
        return request().map(request -> (String) request.getAttribute(CorrelationIdFilter.ATTRIBUTE));
    }

    /** The id of the current request, the cause of every event it makes, if there is one. */
    public Optional<String> requestId() {
        return request().map(request -> (String) request.getAttribute(CorrelationIdFilter.REQUEST_ATTRIBUTE));
    }

    private Actor actorFor(RoundtableAuthentication auth, List<Role> permitted) {
        Set<Role> held = auth.roles();
        Optional<String> requested = request().map(request -> request.getHeader(ACTING_ROLE_HEADER)).filter(h -> !h.isBlank());
        Role role;
        if (requested.isPresent()) {
            Role asked;
            try {
                asked = Role.parse(requested.get());
            } catch (IllegalArgumentException unknown) {
                throw new InvalidInput(ACTING_ROLE_HEADER, unknown.getMessage());
            }
            if (!held.contains(asked)) {
                throw new NotPermitted("the token does not hold the role " + asked);
            }
            if (!permitted.contains(asked)) {
                throw new NotPermitted("this action is not open to the role " + asked + "; it is open to " + permitted);
            }
            role = asked;
        } else {
            role = permitted.stream().filter(held::contains).findFirst()
                    .orElseThrow(() -> new NotPermitted("this action is open to " + permitted + "; the token holds " + held));
        }
        return new Actor(auth.getName(), role, role.publicOffice() ? nameOf(auth) : null);
    }

    /** The name the identity provider gives the person (its {@code name} claim), or their subject id when it gives none. */
    private static String nameOf(RoundtableAuthentication auth) {
        String name = auth.displayName();
        return name == null || name.isBlank() ? auth.getName() : name;
    }

    private static Optional<RoundtableAuthentication> authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof RoundtableAuthentication roundtable && roundtable.isAuthenticated()
                ? Optional.of(roundtable) : Optional.empty();
    }

    private static Optional<HttpServletRequest> request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }
}
