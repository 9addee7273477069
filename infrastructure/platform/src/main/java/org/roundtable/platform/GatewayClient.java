package org.roundtable.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Calls the platform's API through the gateway as one person, with their bearer token, the way any client does. */
final class GatewayClient {

    /** A response with a status other than the one expected. */
    static final class UnexpectedResponse extends RuntimeException {

        private final int status;

        UnexpectedResponse(String request, int status, String body) {
            super(request + " answered " + status + ": " + body);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String token;
    private final String actingRole;
    private final String correlationId = UUID.randomUUID().toString();
    private String lastRequestId;

    GatewayClient(String baseUrl, String token, String actingRole) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.actingRole = actingRole;
    }

    /** The same person acting in another of their roles. */
    GatewayClient actingAs(String role) {
        return new GatewayClient(baseUrl, token, role);
    }

    JsonNode get(String path) {
        return send("GET", path, null, 200);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body, -1);
    }

    JsonNode put(String path, Object body) {
        return send("PUT", path, body, -1);
    }

    /** Any request that must be accepted (2xx). */
    JsonNode send(String method, String path, Object body) {
        return send(method, path, body, -1);
    }

    /** The id the service gave this person's last request ({@code X-Request-Id}): the cause of the events it made. */
    String lastRequestId() {
        return lastRequestId;
    }

    /** Sends a request that must be refused, and returns the status it was refused with. */
    int refused(String method, String path, Object body) {
        try {
            send(method, path, body, -1);
        } catch (UnexpectedResponse refusal) {
            return refusal.status();
        }
        throw new IllegalStateException(method + " " + path + " was accepted, but it must be refused");
    }

    /**
     * Reads {@code path} until {@code done} holds for the answer (the read sides and the hops through Kafka follow a
     * command within moments), and returns that answer; fails after {@code timeout}.
     */
    JsonNode await(String path, Duration timeout, String what, Predicate<JsonNode> done) {
        return await(timeout, what, () -> get(path), done);
    }

    static JsonNode await(Duration timeout, String what, Supplier<JsonNode> read, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = MissingNode.getInstance();
        RuntimeException lastFailure = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = read.get();
                lastFailure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (UnexpectedResponse notYet) {
                lastFailure = notYet;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting: " + what, interrupted);
            }
        }
        throw new IllegalStateException("not within " + timeout.toSeconds() + " s: " + what + "; last seen: "
                + (lastFailure != null ? lastFailure.getMessage() : last.toString()));
    }

    private JsonNode send(String method, String path, Object body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("X-Correlation-Id", correlationId);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (actingRole != null) {
            request.header("X-Acting-Role", actingRole);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(json(body))).header("Content-Type", "application/json");
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(method + " " + path + " failed", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + path, interrupted);
        }
        lastRequestId = response.headers().firstValue("X-Request-Id").orElse(null);
        boolean ok = expected < 0 ? response.statusCode() / 100 == 2 : response.statusCode() == expected;
        if (!ok) {
            throw new UnexpectedResponse(method + " " + path, response.statusCode(), response.body());
        }
        if (response.body().isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException notJson) {
            throw new UnexpectedResponse(method + " " + path + " (not JSON)", response.statusCode(), response.body());
        }
    }

    private static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException(unwritable);
        }
    }
}
