package org.roundtable.kit.web;

import org.roundtable.kit.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.UUID;

/**
 * The last word on any failure no other handler knows: 503 with {@code Retry-After} when the database or the broker
 * cannot be reached for the moment (see {@link Outages#isTemporary}), otherwise 500 with an id that finds the logged
 * failure; as problem+json, and nothing of the failure's own message reaches the caller. Ordered last, so every
 * specific handler comes first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class UnexpectedErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorAdvice.class);

    private final ProblemResponses problems;

    public UnexpectedErrorAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        if (Outages.isTemporary(failure)) {
            log.warn("request answered 503, the service's database or broker is unavailable: {}", Outages.describe(failure));
            return problems.unavailable();
        }
        String id = UUID.randomUUID().toString();
        log.error("unexpected failure {}", id, failure);
        ProblemDetail problem = problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the service could not answer this request; the failure is logged as " + id);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
