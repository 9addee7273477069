package org.roundtable.kit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.Require;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Query parameters no query can take are refused before they reach one: text with NUL or other control characters
 * (PostgreSQL refuses them), or longer than {@link #MAX_LENGTH}. The refusal is a 400 problem naming the parameter.
 */
public class RequestParameterGuard extends OncePerRequestFilter {

    public static final int MAX_LENGTH = 1000;

    private final ProblemResponses problems;

    public RequestParameterGuard(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                String name = Require.excerpt(parameter.getKey());
                Require.storable(parameter.getKey(), name);
                Require.that(parameter.getKey().length() <= 100, name, "a parameter's name is at most 100 characters");
                for (String value : parameter.getValue()) {
                    Require.storable(value, parameter.getKey());
                    Require.that(value.length() <= MAX_LENGTH, parameter.getKey(),
                            parameter.getKey() + " must be at most " + MAX_LENGTH + " characters");
                }
            }
        } catch (InvalidInput invalid) {
            problems.write(request, response, HttpStatus.BAD_REQUEST, "Invalid input",
                    invalid.field() + ": " + invalid.getMessage(), List.of(new FieldError(invalid.field(), invalid.getMessage())));
            return;
        }
        chain.doFilter(request, response);
    }
}
