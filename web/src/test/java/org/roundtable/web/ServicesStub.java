package org.roundtable.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.roundtable.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A test HTTP server standing in for the services' APIs (and the authorization server's token endpoint, which hands
 * the web application its reader token): each test says what a path answers, and reads back what was sent to it.
 */
public final class ServicesStub {

    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public record Response(int status, String contentType, String body) {

        public static Response json(String body) {
            return new Response(200, "application/json", body);
        }

        public static Response status(int status) {
            return new Response(status, "application/json", "");
        }

        public static Response created(String id) {
            return new Response(201, "application/json", "{\"id\":\"" + id + "\"}");
        }

        public static Response problem(int status, String title, String detail, String field, String message) {
            String errors = field == null ? "" : ",\"errors\":[{\"field\":\"" + field + "\",\"message\":\"" + message + "\"}]";
            return new Response(status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":"
                    + status + ",\"detail\":\"" + detail + "\"" + errors + "}");
        }
    }

    public static final String READER_TOKEN_SUBJECT = "roundtable-machine";

    private static ServicesStub shared;

    private final HttpServer server;
    private final Map<String, Function<Request, Response>> answers = new ConcurrentHashMap<>();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final String readerToken;

    private ServicesStub() throws IOException {
        readerToken = TestTokens.shared().mint(READER_TOKEN_SUBJECT, "Roundtable machine client");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "services-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    public static synchronized ServicesStub shared() {
        if (shared == null) {
            try {
                shared = new ServicesStub();
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String readerToken() {
        return readerToken;
    }

    /** Forgets every answer and every request. */
    public void reset() {
        answers.clear();
        received.clear();
    }

    public void on(String method, String path, Function<Request, Response> answer) {
        answers.put(method + " " + path, answer);
    }

    public void on(String method, String path, Response answer) {
        on(method, path, request -> answer);
    }

    /** Answers {@code first} to the first {@code times} requests, then {@code then}: a read side that catches up. */
    public void onAfter(String method, String path, int times, Response first, Response then) {
        AtomicInteger count = new AtomicInteger();
        on(method, path, request -> count.getAndIncrement() < times ? first : then);
    }

    public List<Request> received(String method, String path) {
        List<Request> matching = new ArrayList<>();
        received.stream().filter(request -> request.method().equals(method) && request.path().equals(path)).forEach(matching::add);
        return matching;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(method, path, exchange.getRequestURI().getRawQuery(), Map.copyOf(exchange.getRequestHeaders()), body);
        Response response;
        if (path.equals("/oauth2/token")) {
            response = Response.json("{\"access_token\":\"" + readerToken + "\",\"token_type\":\"Bearer\",\"expires_in\":600}");
        } else {
            received.add(request);
            Function<Request, Response> answer = answers.get(method + " " + path);
            response = answer == null ? Response.problem(404, "Not Found", "nothing at " + path, null, null) : answer.apply(request);
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
