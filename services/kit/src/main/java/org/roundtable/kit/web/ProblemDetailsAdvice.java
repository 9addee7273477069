package org.roundtable.kit.web;

import jakarta.validation.ConstraintViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.roundtable.kit.domain.InvalidInput;
import org.roundtable.kit.domain.Require;
import org.roundtable.kit.domain.NotFound;
import org.roundtable.kit.domain.NotPermitted;
import org.roundtable.kit.domain.RuleViolation;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Every refusal as RFC 9457 problem+json: 400 naming each invalid field (in {@code errors}), 403 for what the actor
 * may not do, 404 for what does not exist, 409 for what the current state does not allow.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final ProblemResponses problems;

    public ProblemDetailsAdvice(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput invalid) {
        return invalidInput(List.of(new FieldError(invalid.field(), invalid.getMessage())));
    }

    @ExceptionHandler({NotPermitted.class, AccessDeniedException.class})
    ResponseEntity<ProblemDetail> notPermitted(RuntimeException refusal) {
        return respond(problems.problem(HttpStatus.FORBIDDEN, "Not permitted", refusal.getMessage()));
    }

    @ExceptionHandler({NotFound.class, AggregateNotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(RuntimeException missing) {
        String detail = missing instanceof AggregateNotFoundException notFound
                ? "no such resource: " + notFound.getAggregateIdentifier() : missing.getMessage();
        return respond(problems.problem(HttpStatus.NOT_FOUND, "Not found", detail));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> conflict(RuleViolation violation) {
        return respond(problems.problem(HttpStatus.CONFLICT, "Not allowed now", violation.getMessage()));
    }

    /** A conflict with another instance's change that outlasted the gateway's retries. */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException concurrent) {
        return respond(problems.problem(HttpStatus.CONFLICT, "Changed concurrently",
                "someone else changed this at the same moment; read it again and retry"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolations(ConstraintViolationException violations) {
        List<FieldError> errors = violations.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .toList();
        return invalidInput(errors);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        invalid.getBindingResult().getFieldErrors()
                .forEach(error -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
        invalid.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
        return widen(invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : invalid.getParameterValidationResults()) {
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                errors.add(new FieldError(parameter, error.getDefaultMessage()));
            }
        }
        return widen(invalidInput(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = unreadable.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = path(jackson);
            return widen(invalidInput(List.of(new FieldError(field, field + " " + expected(jackson)))));
        }
        String detail = cause instanceof JacksonException jackson
                ? "the request body is not valid JSON: " + Require.excerpt(jackson.getOriginalMessage())
                : "the request body is missing or is not JSON";
        return widen(invalidInput(List.of(new FieldError("body", detail))));
    }

    /** What a field should have held, in words, without repeating what was sent. */
    private static String expected(JacksonException jackson) {
        Class<?> type = jackson instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                : jackson instanceof InputCoercionException coercion ? coercion.getTargetType() : null;
        if (type == null) {
            return "is not valid: " + Require.excerpt(jackson.getOriginalMessage());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number" + (type == Integer.class || type == int.class ? " of at most " + Integer.MAX_VALUE : "");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "must be a date and time with its offset, such as 2030-05-01T18:00:00Z";
        }
        if (type == LocalDate.class) {
            return "must be a date such as 2030-05-01";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "must be text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object with the documented fields";
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : mismatch.getPropertyName();
        String value = mismatch.getValue() == null ? "null" : Require.excerpt(String.valueOf(mismatch.getValue()));
        return widen(invalidInput(List.of(new FieldError(field, field + ": " + value + " is not a valid value"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException missing,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return widen(invalidInput(List.of(new FieldError(missing.getParameterName(), "is required"))));
    }

    private ResponseEntity<ProblemDetail> invalidInput(List<FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.message()).reduce((a, b) -> a + "; " + b)
                .orElse("the request is invalid");
        ProblemDetail problem = problems.problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }

    private static String path(JacksonException jackson) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
