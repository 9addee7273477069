package org.roundtable.witness;

import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.ConsistencyProof;
import org.roundtable.audit.verifier.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The log's public API as the witness uses it, over plain HTTP: no login, nothing but public reads and cosignatures. */
public final class LogClient implements Witness.Proofs {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public LogClient(URI base) {
        this.base = base;
    }

    public Checkpoint latest() {
        return Checkpoint.parse(get("/api/audit/log/checkpoint"));
    }

    @Override
    public ConsistencyProof consistency(long fromSize, long toSize) {
        return ConsistencyProof.fromJsonText(get("/api/audit/log/proof/consistency?from=" + fromSize + "&to=" + toSize));
    }

    /** The verifier key the log publishes (trusted only where the operator gave none). */
    @SuppressWarnings("unchecked")
    public String publishedKey() {
        return (String) ((Map<String, Object>) Json.parse(get("/api/audit/log/key"))).get("vkey");
    }

    /** Sends a cosigned checkpoint back to the log. */
    public void submit(Checkpoint cosigned) {
        send(HttpRequest.newBuilder(base.resolve("/api/audit/log/cosignatures")).timeout(TIMEOUT).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(cosigned.text(), StandardCharsets.UTF_8)).build());
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                String body = response.body();
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                        + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
            }
            return response.body();
        } catch (IOException unreachable) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + unreachable.getMessage(), unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }
}
