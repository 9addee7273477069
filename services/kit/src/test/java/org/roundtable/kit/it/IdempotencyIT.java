package org.roundtable.kit.it;

import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyIT extends KitIntegrationTest {

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndStoresNothingNew() {
        String token = citizenToken("citizen-retry");
        String key = UUID.randomUUID().toString();
        long before = storedEvents();

        ApiClient.Response first = send("POST", "/api/samples", token, "{\"title\":\"Seed library\"}", "Idempotency-Key", key);
        ApiClient.Response retry = send("POST", "/api/samples", token, "{\"title\":\"Seed library\"}", "Idempotency-Key", key);
        ApiClient.Response quotedRetry = send("POST", "/api/samples", token, "{\"title\":\"Seed library\"}", "Idempotency-Key", "\"" + key + "\"");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(quotedRetry.body()).isEqualTo(first.body());
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyForADifferentRequestIs422AndStoresNothing() {
        String token = citizenToken("citizen-reuse");
        String key = UUID.randomUUID().toString();
        send("POST", "/api/samples", token, "{\"title\":\"Tool library\"}", "Idempotency-Key", key).expect(201);
        long before = storedEvents();

        ApiClient.Response reused = send("POST", "/api/samples", token, "{\"title\":\"Toy library\"}", "Idempotency-Key", key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.body().get("detail").asText()).contains("different request");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aRetryWhileTheFirstIsStillCarriedOutIs409() {
        String key = UUID.randomUUID().toString();
        jdbc.update("insert into idempotent_request (subject, idempotency_key, fingerprint, claimed_at) values (?, ?, ?, ?)",
                "citizen-impatient", key, "0".repeat(64), Timestamp.from(Instant.now()));
        long before = storedEvents();

        ApiClient.Response meanwhile = send("POST", "/api/samples", citizenToken("citizen-impatient"), "{\"title\":\"Repair cafe\"}",
                "Idempotency-Key", key);

        assertThat(meanwhile.status()).isEqualTo(409);
        assertThat(meanwhile.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void keysBelongToTheirCallerSoNoOneSeesAnothersReplay() {
        String key = UUID.randomUUID().toString();
        long before = storedEvents();

        ApiClient.Response mine = send("POST", "/api/samples", citizenToken("citizen-ann"), "{\"title\":\"Orchard\"}", "Idempotency-Key", key);
        ApiClient.Response theirs = send("POST", "/api/samples", citizenToken("citizen-bob"), "{\"title\":\"Orchard\"}", "Idempotency-Key", key);

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotency-Replayed")).isNull();
        assertThat(theirs.body().get("id")).isNotEqualTo(mine.body().get("id"));
        assertThat(storedEvents()).isEqualTo(before + 2);
    }

    @Test
    void aRefusalIsReplayedTooAndAMalformedKeyIsRefusedNamingTheHeader() {
        String token = citizenToken("citizen-refused");
        String key = UUID.randomUUID().toString();

        ApiClient.Response refused = send("POST", "/api/samples", token, "{\"title\":\" \"}", "Idempotency-Key", key);
        ApiClient.Response again = send("POST", "/api/samples", token, "{\"title\":\" \"}", "Idempotency-Key", key);
        ApiClient.Response tooLong = send("POST", "/api/samples", token, "{\"title\":\"Fine\"}", "Idempotency-Key", "k".repeat(256));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.firstInvalidField()).isEqualTo("Idempotency-Key");
    }

    @Test
    void theOpenApiDocumentOffersTheKeyOnEveryPost() {
        ApiClient.Response docs = send("GET", "/v3/api-docs", null, null);

        assertThat(docs.body().get("paths").get("/api/samples").get("post").get("parameters").toString()).contains("Idempotency-Key");
        assertThat(docs.body().get("paths").get("/api/samples").get("post").get("responses").has("422")).isTrue();
    }
}
