package org.roundtable.web.services;

import org.roundtable.web.WebProperties;
import org.roundtable.web.security.People;
import org.roundtable.web.security.Person;
import org.roundtable.web.security.SignInNeeded;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The services' public APIs, called as whoever is looking: a signed-in person with their relayed token and the role
 * they act in ({@code X-Acting-Role}), or a visitor with this application's own reader token. A refusal becomes an
 * {@link ApiProblem}; a token the services no longer accept becomes {@link SignInNeeded}.
 */
@Component
public class Services {

    public static final String PROPOSALS = "proposals";
    public static final String PARTICIPATION = "participation";
    public static final String COMMISSIONING = "commissioning";
    public static final String OUTCOMES = "outcomes";
    public static final String AUDIT = "audit";

    private static final String PUBLIC_READER = "public-reader";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The key the POSTs sent by {@link #once} carry. */
    private final ThreadLocal<String> idempotencyKey = new ThreadLocal<>();

    private final WebProperties properties;
    private final People people;
    private final OAuth2AuthorizedClientManager readerTokens;
    private final RestClient rest;
    private final JsonMapper json = JsonMapper.builder().build();

    Services(WebProperties properties, People people, OAuth2AuthorizedClientManager readerTokens) {
        this.properties = properties;
        this.people = people;
        this.readerTokens = readerTokens;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.apiTimeout()).build());
        requests.setReadTimeout(properties.apiTimeout());
        this.rest = RestClient.builder().requestFactory(requests).build();
    }

    public <T> T get(String service, String path, Class<T> type, Object... variables) {
        return call(rest.get().uri(properties.service(service) + path, variables)).body(type);
    }

    public <T> T get(String service, String path, ParameterizedTypeReference<T> type, Object... variables) {
        return call(rest.get().uri(properties.service(service) + path, variables)).body(type);
    }

    /** A read whose "not found" is an answer, not a failure. */
    public <T> Optional<T> find(String service, String path, Class<T> type, Object... variables) {
        try {
            return Optional.ofNullable(get(service, path, type, variables));
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return Optional.empty();
            }
            throw problem;
        }
    }

    /**
     * Runs {@code command} with every POST in it carrying {@code key} as its {@code Idempotency-Key} (none if null):
     * the services answer a repeat of the same request with the first answer and store nothing new.
     */
    public <T> T once(String key, java.util.function.Supplier<T> command) {
        idempotencyKey.set(key);
        try {
            return command.get();
        } finally {
            idempotencyKey.remove();
        }
    }

    /** Sends a command; returns the id the service created, if it answered with one. */
    public Optional<String> post(String service, String path, Object body, Object... variables) {
        RestClient.RequestBodySpec request = keyed(rest.post().uri(properties.service(service) + path, variables));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return created(call(request).body(JsonNode.class));
    }

    public <T> T post(String service, String path, Object body, Class<T> answer, Object... variables) {
        return call(keyed(rest.post().uri(properties.service(service) + path, variables)).contentType(MediaType.APPLICATION_JSON).body(body))
                .body(answer);
    }

    public void put(String service, String path, Object body, Object... variables) {
        call(rest.put().uri(properties.service(service) + path, variables).contentType(MediaType.APPLICATION_JSON).body(body))
                .toBodilessEntity();
    }

    public void delete(String service, String path, Object... variables) {
        call(rest.delete().uri(properties.service(service) + path, variables)).toBodilessEntity();
    }

    private RestClient.RequestBodySpec keyed(RestClient.RequestBodySpec request) {
        String key = idempotencyKey.get();
        return key == null ? request : request.header(IDEMPOTENCY_KEY, key);
    }

    private RestClient.ResponseSpec call(RestClient.RequestHeadersSpec<?> request) {
        Optional<Person> person = people.current();
        request.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (person.isPresent()) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + person.get().token());
            if (person.get().actingRole() != null) {
                request.header("X-Acting-Role", person.get().actingRole().name());
            }
        } else {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + readerToken());
        }
        return request.retrieve().onStatus(HttpStatusCode::isError, (sent, response) -> {
            if (response.getStatusCode().value() == 401 && person.isPresent()) {
                throw new SignInNeeded();
            }
            throw problem(response.getStatusCode().value(), response.getBody().readAllBytes());
        });
    }

    private String readerToken() {
        OAuth2AuthorizedClient client = readerTokens.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(PUBLIC_READER)
                .principal("roundtable-web").build());
        if (client == null) {
            throw new ApiProblem(503, "Public reading unavailable", "the web application has no reader token", List.of());
        }
        return client.getAccessToken().getTokenValue();
    }

    private ApiProblem problem(int status, byte[] body) {
        try {
            JsonNode problem = json.readTree(body);
            List<ApiProblem.FieldProblem> errors = new ArrayList<>();
            problem.path("errors").forEach(error -> errors.add(new ApiProblem.FieldProblem(
                    error.path("field").asString(""), error.path("message").asString(""))));
            return new ApiProblem(status, problem.path("title").asString(""), text(problem.path("detail")), errors);
        } catch (RuntimeException notProblemJson) {
            return new ApiProblem(status, "", null, List.of());
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static Optional<String> created(JsonNode answer) {
        return answer == null || !answer.hasNonNull("id") ? Optional.empty() : Optional.of(answer.get("id").asString());
    }
}
