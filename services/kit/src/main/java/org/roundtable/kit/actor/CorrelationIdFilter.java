package org.roundtable.kit.actor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Gives every request a correlation id (the caller's {@value CorrelationIds#HEADER} when sane, otherwise a new one)
 * and an id of its own ({@value CorrelationIds#REQUEST_HEADER}, always new), echoes both in the response and the
 * correlation id in the logs, and leaves them where {@link RequestActors} finds them for commands: every event the
 * request makes names the request's id as its cause.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".correlationId";
    static final String REQUEST_ATTRIBUTE = CorrelationIdFilter.class.getName() + ".requestId";
    private static final String MDC_KEY = "correlationId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = CorrelationIds.acceptOrCreate(request.getHeader(CorrelationIds.HEADER));
        request.setAttribute(ATTRIBUTE, correlationId);
        response.setHeader(CorrelationIds.HEADER, correlationId);
        String requestId = CorrelationIds.create();
        request.setAttribute(REQUEST_ATTRIBUTE, requestId);
        response.setHeader(CorrelationIds.REQUEST_HEADER, requestId);
        MDC.put(MDC_KEY, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
