package org.roundtable.testsupport.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What must hold for every request a service is sent, however hostile: the answer is 2xx or a 4xx problem+json, never
 * a 5xx; a refusal stores nothing (no event carries its correlation id); after an accepted request every event
 * processor of the service — its projections and its relay to Kafka — catches up with the event store's head within
 * {@code patience} and sets none of its events aside as a dead letter, so no processor stalls on what was accepted and
 * the read model holds it. Counts every outcome for {@link #report()}.
 */
public final class HostileChecks {

    private final String service;
    private final ApiClient api;
    private final JdbcTemplate jdbc;
    private final EventStore store;
    private final Duration patience;
    private final Map<String, int[]> outcomes = new TreeMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int tried;
    private int accepted;
    private int recorded;
    private final List<String> recordedEvents = new ArrayList<>();
    private int refused;
    private int serverErrors;
    private int stalls;
    private long slowestCatchUpMillis;

    public HostileChecks(String service, ApiClient api, JdbcTemplate jdbc, Duration patience) {
        this.service = service;
        this.api = api;
        this.jdbc = jdbc;
        this.store = new EventStore(jdbc);
        this.patience = patience;
    }

    /** Sends the request and checks its answer and its effect; a failed check fails the property. */
    public synchronized void check(HostileRequest request) {
        String correlationId = UUID.randomUUID().toString();
        List<String> headers = new ArrayList<>(request.headers());
        headers.add("X-Correlation-Id");
        headers.add(correlationId);
        long deadLettersBefore = deadLetters();
        ApiClient.Response response = api.send(request.method(), request.path(), request.token(), request.body(), headers.toArray(String[]::new));
        tried++;
        statuses.merge(response.status(), 1, Integer::sum);
        int[] perOperation = outcomes.computeIfAbsent(request.operation(), operation -> new int[2]);
        if (response.status() >= 500) {
            serverErrors++;
            throw new AssertionError(service + " answered " + response.status() + " to " + request + ": " + response.body());
        }
        if (response.status() >= 400) {
            refused++;
            perOperation[1]++;
            requireProblem(request, response);
            long stored = eventsOf(correlationId);
            if (stored != 0) {
                throw new AssertionError(service + " refused " + request + " with " + response.status() + " yet stored " + stored + " events");
            }
            return;
        }
        accepted++;
        perOperation[0]++;
        List<String> stored = jdbc.queryForList("select event_identifier from domain_event_entry"
                + " where position(? in convert_from(meta_data, 'UTF8')) > 0", String.class, correlationId);
        if (!stored.isEmpty()) {
            recorded++;
            recordedEvents.addAll(stored);
        }
        awaitProcessorsAtHead(request);
        long setAside = deadLetters() - deadLettersBefore;
        if (setAside > 0) {
            stalls++;
            throw new AssertionError(service + " accepted " + request + " but a processor set " + setAside
                    + " of its events aside as dead letters: the read model lacks them");
        }
    }

    /** Events set aside by this service's processors (the kit's dead-letter queue), or 0 where it has none. */
    private long deadLetters() {
        Boolean exists = jdbc.queryForObject("select to_regclass('dead_letter_entry') is not null", Boolean.class);
        return Boolean.TRUE.equals(exists) ? jdbc.queryForObject("select count(*) from dead_letter_entry", Long.class) : 0;
    }

    private void requireProblem(HostileRequest request, ApiClient.Response response) {
        JsonNode body = response.body();
        if (!response.contentType().startsWith("application/problem+json") || body == null || !body.has("status")
                || body.get("status").asInt() != response.status() || !body.has("title")) {
            throw new AssertionError(service + " refused " + request + " with " + response.status() + " but not as problem+json: "
                    + response.contentType() + " " + body);
        }
        if (body.toString().length() > 20_000) {
            throw new AssertionError(service + " refused " + request + " with a problem of " + body.toString().length() + " characters");
        }
    }

    private void awaitProcessorsAtHead(HostileRequest request) {
        long head = store.head();
        long started = System.nanoTime();
        long deadline = started + patience.toNanos();
        List<EventStore.SegmentPosition> behind;
        while (true) {
            behind = processorsBehind(head);
            if (behind.isEmpty()) {
                slowestCatchUpMillis = Math.max(slowestCatchUpMillis, (System.nanoTime() - started) / 1_000_000);
                return;
            }
            if (System.nanoTime() > deadline) {
                stalls++;
                throw new AssertionError(service + " accepted " + request + " but " + behind + " did not reach event " + head
                        + " within " + patience);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    /** The segments of event processors that have not yet read the event at this global index. */
    private List<EventStore.SegmentPosition> processorsBehind(long head) {
        return store.positions().stream().filter(segment -> segment.position() < head).toList();
    }

    private long eventsOf(String correlationId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where position(? in convert_from(meta_data, 'UTF8')) > 0",
                Long.class, correlationId);
    }

    public synchronized int tried() {
        return tried;
    }

    public synchronized int accepted() {
        return accepted;
    }

    /** Accepted requests that stored at least one event (the rest were answered without a change, such as an empty replay). */
    public synchronized int recorded() {
        return recorded;
    }

    /** The ids of the events that accepted requests stored, in the order they were accepted. */
    public synchronized List<String> recordedEvents() {
        return List.copyOf(recordedEvents);
    }

    public synchronized int refused() {
        return refused;
    }

    public synchronized int serverErrors() {
        return serverErrors;
    }

    public synchronized int stalls() {
        return stalls;
    }

    /**
     * Prints the report and fails unless the run was clean (no 5xx, no stall) and exercised both sides: at least
     * {@code minimumRecorded} accepted requests that stored events, and at least one refused.
     */
    public synchronized void printReportAndRequireCleanRun(int minimumRecorded) {
        String report = report();
        System.out.println(report);
        if (serverErrors != 0 || stalls != 0 || recorded < minimumRecorded || refused == 0) {
            throw new AssertionError("hostile run not clean or not exercising both sides:\n" + report);
        }
    }

    /** Requests tried, accepted and refused (by status and by operation), 5xx and stalls. */
    public synchronized String report() {
        StringBuilder report = new StringBuilder()
                .append(service).append(": ").append(tried).append(" hostile requests tried, ").append(accepted).append(" accepted (")
                .append(recorded).append(" of them stored events), ").append(refused).append(" refused, 5xx = ").append(serverErrors).append(", stalls = ").append(stalls)
                .append("; statuses ").append(statuses).append("; slowest catch-up of every processor ").append(slowestCatchUpMillis)
                .append(" ms\n");
        outcomes.forEach((operation, counts) -> report.append("  ").append(operation).append(": ").append(counts[0])
                .append(" accepted, ").append(counts[1]).append(" refused\n"));
        return report.toString();
    }
}
