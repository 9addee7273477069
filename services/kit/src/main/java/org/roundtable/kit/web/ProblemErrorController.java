package org.roundtable.kit.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.roundtable.kit.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the container forwards to its error path (a failure in a filter, an error status set outside a controller)
 * answered as problem+json, in place of Spring Boot's default error body; the path asked for directly is not found.
 */
@RestController
@Hidden
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemResponses problems;

    public ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.resolve(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            if (Outages.isTemporary(failure)) {
                log.warn("request answered 503 outside a controller, the service's database or broker is unavailable: {}",
                        Outages.describe(failure));
                return problems.unavailable();
            }
            log.error("request failed outside a controller", failure);
        }
        String detail = status.is5xxServerError() ? "the service could not answer this request"
                : status == HttpStatus.NOT_FOUND ? "there is nothing at this address" : "the request was refused: " + status.getReasonPhrase();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(status, status.getReasonPhrase(), detail));
    }
}
