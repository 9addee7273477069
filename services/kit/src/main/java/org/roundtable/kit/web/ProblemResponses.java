package org.roundtable.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details, the same shape whether written by a controller advice or by a security filter. */
public class ProblemResponses {

    /** The seconds a caller is asked to wait, in {@code Retry-After}, while the service cannot reach what it stores in. */
    public static final long RETRY_AFTER_SECONDS = 5;

    private final JsonMapper json = JsonMapper.builder().build();

    /** 503 with {@code Retry-After}: the service cannot answer for the moment, through no fault of the request. */
    public ResponseEntity<ProblemDetail> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                        "the service cannot answer for a moment; try again in " + RETRY_AFTER_SECONDS + " seconds"));
    }

    public ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("/problems/" + slug(title)));
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                      String detail) throws IOException {
        write(request, response, status, title, detail, null);
    }

    /** As above, listing the invalid fields of a 400 in {@code errors}. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                      String detail, List<FieldError> errors) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        ProblemDetail problem = problem(status, title, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (errors != null) {
            body.put("errors", errors);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
