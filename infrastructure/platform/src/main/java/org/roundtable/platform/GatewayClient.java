package org.roundtable.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.roundtable.testsupport.ApiClient;

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

    private final ApiClient api;
    private final String baseUrl;
    private final String token;
    private final String actingRole;
    private final String correlationId = UUID.randomUUID().toString();
    private String lastRequestId;

    GatewayClient(String baseUrl, String token, String actingRole) {
        this.api = new ApiClient(baseUrl);
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
        ApiClient.Response response = actingRole == null
                ? api.send(method, path, token, body, "Accept", "application/json", "X-Correlation-Id", correlationId)
                : api.send(method, path, token, body, "Accept", "application/json", "X-Correlation-Id", correlationId,
                        "X-Acting-Role", actingRole);
        lastRequestId = response.header("X-Request-Id");
        boolean ok = expected < 0 ? response.status() / 100 == 2 : response.status() == expected;
        if (!ok) {
            throw new UnexpectedResponse(method + " " + path, response.status(), String.valueOf(response.body()));
        }
        return response.body() == null ? MissingNode.getInstance() : response.body();
    }
}
