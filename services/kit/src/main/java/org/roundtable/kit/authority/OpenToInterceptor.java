package org.roundtable.kit.authority;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.roundtable.events.Role;
import org.roundtable.kit.actor.RequestActors;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;
import java.util.Optional;

/** Refuses a request to an endpoint {@link OpenTo} some roles unless its token may act in one of them. */
public class OpenToInterceptor implements HandlerInterceptor {

    private final RequestActors actors;

    public OpenToInterceptor(RequestActors actors) {
        this.actors = actors;
    }

    /** The roles an endpoint is open to: its own declaration, else its controller's; empty when neither declares any. */
    public static Optional<List<Role>> rolesOf(HandlerMethod endpoint) {
        OpenTo declared = Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(endpoint.getMethod(), OpenTo.class))
                .orElseGet(() -> AnnotatedElementUtils.findMergedAnnotation(endpoint.getBeanType(), OpenTo.class));
        return Optional.ofNullable(declared).map(openTo -> List.of(openTo.value()));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod endpoint) {
            rolesOf(endpoint).ifPresent(roles -> actors.actingAs(roles.toArray(Role[]::new)));
        }
        return true;
    }
}
