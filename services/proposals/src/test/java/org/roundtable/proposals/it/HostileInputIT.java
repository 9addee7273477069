package org.roundtable.proposals.it;

import org.junit.jupiter.api.Test;
import org.roundtable.testsupport.ApiClient;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Input no query or read model could take is refused as problem+json, never answered with a 500. */
class HostileInputIT extends ProposalsIntegrationTest {

    @Test
    void queriesWithNulOrAPageBeyondEveryListAre400NamingTheParameter() {
        String token = citizen("citizen-hostile-reader");

        assertField(api().get("/api/proposals?q=%00", token), "q");
        assertField(api().get("/api/proposals?serviceArea=a%00b", token), "serviceArea");
        assertField(api().get("/api/proposals?page=2147483647&size=100", token), "page");
        assertField(api().get("/api/proposals?page=-1", token), "page");
        expect(200, api().get("/api/proposals?page=100000&size=100", token));
    }

    @Test
    void anAskTooLargeForItsColumnOrWithAnExponentIsRefusedWithAShortMessage() {
        String token = citizen("citizen-hostile-ask");
        long before = storedEvents();

        ApiClient.Response huge = api().post("/api/proposals", token, withAsk("1E+999999999"));
        ApiClient.Response trillion = api().post("/api/proposals", token, withAsk("1000000000000"));
        ApiClient.Response nulTitle = api().post("/api/proposals", token, with("title", "Garden\u0000"));

        assertField(huge, "ask.money.amount");
        assertThat(huge.body().toString()).hasSizeLessThan(1000);
        assertField(trillion, "ask.money.amount");
        assertField(nulTitle, "title");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aDraftPostedAgainWithItsIdempotencyKeyIsDraftedOnce() {
        String token = citizen("citizen-flaky-network");
        String key = java.util.UUID.randomUUID().toString();
        long before = storedEvents();

        ApiClient.Response first = api().send("POST", "/api/proposals", token, CONTENT, "Idempotency-Key", key);
        ApiClient.Response retried = api().send("POST", "/api/proposals", token, CONTENT, "Idempotency-Key", key);

        expect(201, first);
        expect(201, retried);
        assertThat(retried.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(retried.header("Location")).isEqualTo(first.header("Location"));
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    private static Map<String, Object> withAsk(String amount) {
        return with("ask", Map.of("money", Map.of("amount", new java.math.BigDecimal(amount), "currency", "GBP")));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> content = new HashMap<>(CONTENT);
        content.put(field, value);
        return content;
    }
}
