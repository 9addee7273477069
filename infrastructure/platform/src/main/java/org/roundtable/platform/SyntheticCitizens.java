package org.roundtable.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic citizens ({@code benchmark-citizen-00001}, ...) with real access tokens, signed by the local authorization
 * server in its benchmark mode, which is on only for a stack on loopback: how load and fault runs act as many distinct
 * people without logging each one in.
 */
public final class SyntheticCitizens {

    /** A synthetic citizen and the access token the authorization server signed for them. */
    public record Citizen(String subject, String token) {
    }

    private static final int MOST_AT_ONCE = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SyntheticCitizens(String issuer) {
        this.tokens = URI.create(issuer + "/benchmark/tokens");
    }

    /** {@code count} citizens, {@code benchmark-citizen-<first>} onwards, asked for a thousand at a time. */
    public List<Citizen> mint(int first, int count) {
        List<Citizen> citizens = new ArrayList<>(count);
        for (int from = first; from < first + count; from += MOST_AT_ONCE) {
            int batch = Math.min(MOST_AT_ONCE, first + count - from);
            HttpResponse<String> minted = post("count=" + batch + "&first=" + from);
            if (minted.statusCode() != 200) {
                throw new IllegalStateException("the authorization server minted no benchmark tokens: " + minted.statusCode() + " " + minted.body());
            }
            try {
                for (JsonNode entry : JSON.readTree(minted.body()).path("tokens")) {
                    citizens.add(new Citizen(entry.path("subject").asText(), entry.path("accessToken").asText()));
                }
            } catch (IOException unreadable) {
                throw new IllegalStateException("the authorization server's benchmark tokens could not be read", unreadable);
            }
        }
        return citizens;
    }

    /** One citizen, {@code benchmark-citizen-<number>}. */
    public Citizen mint(int number) {
        return mint(number, 1).get(0);
    }

    private HttpResponse<String> post(String form) {
        try {
            return http.send(HttpRequest.newBuilder(tokens).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new IllegalStateException(tokens + " could not be reached", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while minting benchmark tokens", interrupted);
        }
    }
}
