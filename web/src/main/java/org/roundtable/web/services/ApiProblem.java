package org.roundtable.web.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service refused a request: its RFC 9457 problem, with the fields it named. Pages show the field problems next to
 * the fields, and the rest above the form.
 */
public class ApiProblem extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldProblem> errors;

    public ApiProblem(int status, String title, String detail, List<FieldProblem> errors) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** The first message for each field, in the order the service gave them. */
    public Map<String, String> byField() {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.forEach(error -> fields.putIfAbsent(error.field() == null ? "" : error.field(), error.message()));
        return fields;
    }
}
