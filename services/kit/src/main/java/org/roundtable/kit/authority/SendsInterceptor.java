package org.roundtable.kit.authority;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.roundtable.kit.actor.RequestActors;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Refuses a request to an endpoint marked {@link Sends} unless its token may act in one of the command's roles. */
public class SendsInterceptor implements HandlerInterceptor {

    private final RequestActors actors;

    public SendsInterceptor(RequestActors actors) {
        this.actors = actors;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(Sends.class)) {
            actors.sending(method.getMethodAnnotation(Sends.class).value());
        }
        return true;
    }
}
