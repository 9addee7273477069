package org.roundtable.platform;

import org.roundtable.identity.DemoLogin;
import org.roundtable.testsupport.Eventually;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web application's proposals page with many proposals: drafts them through the proposals service's API (as
 * Amara, with a real token), waits until its read side lists them all, then requests the page as a signed-in person
 * would through the gateway (her token in {@code Authorization}, sent straight to the web application so the figure
 * is the server's time, not the gateway's rate limit) — the first page, filtered by status, by service area, by words,
 * and a deep page — and prints p50, p95 and p99 for each.
 *
 * <p>{@code -Dproposals=10000} (default) and {@code -Drequests=200} per kind of page. With {@code --port-offset N} it
 * uses a local stack already running on that offset; otherwise it starts one (ports moved by 200, a fresh data folder)
 * and stops it at the end.
 */
public final class ProposalsPageBenchmark {

    private static final String CONTENT = "{\"title\":\"%s\",\"aspiration\":\"Neighbours sharing what they know, at the %s\","
            + "\"serviceArea\":\"%s\",\"assets\":[{\"kind\":\"SKILL\",\"description\":\"Retired engineers who mend and teach\","
            + "\"holder\":\"Repair café\"}],\"ask\":{\"money\":{\"amount\":1200,\"currency\":\"GBP\"},\"otherResources\":[]},"
            + "\"intendedOutcomes\":[\"Skills passed on\"]}";
    private static final List<String> AREAS = List.of("libraries", "parks", "youth services", "adult social care", "community centres");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int proposals = Integer.getInteger("proposals", 10_000);
        int requests = Integer.getInteger("requests", 200);
        Integer offset = args.length == 2 && args[0].equals("--port-offset") ? Integer.valueOf(args[1]) : null;
        LocalStack started = null;
        Ports ports;
        if (offset == null) {
            ports = new Ports(200);
            Path root = Path.of("").toAbsolutePath();
            while (!Files.isDirectory(root.resolve("services"))) {
                root = root.getParent();
            }
            started = new LocalStack(LocalStack.Settings.of(root, Files.createTempDirectory("roundtable-benchmark"), ports, System.out)).start();
        } else {
            ports = new Ports(offset);
        }
        try {
            new ProposalsPageBenchmark().run(ports, proposals, requests);
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    private void run(Ports ports, int proposals, int requests) throws Exception {
        String token = new DemoLogin(ports.issuer()).accessToken("amara", "roundtable");
        String api = "http://127.0.0.1:" + ports.proposals() + "/api/proposals";
        long listed = total(api, token);
        int toDraft = (int) Math.max(0, proposals - listed);
        System.out.printf("%d proposals listed already; drafting %d more through the proposals API%n", listed, toDraft);
        long draftingStarted = System.nanoTime();
        draft(api, token, toDraft);
        Eventually.within(Duration.ofMinutes(10), () -> assertThat(total(api, token)).as("proposals listed within 10 minutes")
                .isGreaterThanOrEqualTo(proposals));
        listed = total(api, token);
        System.out.printf("%d proposals listed, %.0f s after drafting began%n", listed, (System.nanoTime() - draftingStarted) / 1e9);

        String web = "http://127.0.0.1:" + ports.web();
        long pages = (listed + 19) / 20;
        System.out.printf("%nThe proposals page, %d requests each after 50 to warm up, one at a time, as Amara%n", requests);
        System.out.printf("%-44s %8s %8s %8s %8s%n", "page", "p50 ms", "p95 ms", "p99 ms", "max ms");
        for (String path : List.of("/proposals", "/proposals?status=DRAFT", "/proposals?serviceArea=libraries",
                "/proposals?q=club+42", "/proposals?page=" + (pages / 2), "/")) {
            measure(web + path, path, token, requests);
        }
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%n(this program's heap: %d MB used)%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    }

    private void draft(String api, String token, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService drafters = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                running.add(drafters.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String area = AREAS.get(i % AREAS.size());
                        String body = CONTENT.formatted("Repair and make club " + i, area, area);
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(api))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != 201) {
                            throw new IllegalStateException("drafting answered " + answer.statusCode() + ": " + answer.body());
                        }
                        if (i > 0 && i % 1000 == 0) {
                            System.out.printf("  %d drafted%n", i);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
        } finally {
            drafters.shutdownNow();
        }
    }

    private long total(String api, String token) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(api + "?size=1"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        String body = answer.body();
        int at = body.indexOf("\"totalItems\":");
        if (answer.statusCode() != 200 || at < 0) {
            throw new IllegalStateException("listing answered " + answer.statusCode() + ": " + body);
        }
        return Long.parseLong(body.substring(at + 13).replaceAll("^(\\d+).*$", "$1").split("[^0-9]")[0]);
    }

    private void measure(String url, String label, String token, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).build();
        for (int i = 0; i < 50; i++) {
            get(request);
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            get(request);
            nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        System.out.printf("%-44s %8.1f %8.1f %8.1f %8.1f%n", label, millis(nanos, 0.50), millis(nanos, 0.95), millis(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6);
    }

    private void get(HttpRequest request) throws Exception {
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + answer.statusCode());
        }
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
