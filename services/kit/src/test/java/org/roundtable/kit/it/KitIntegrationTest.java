package org.roundtable.kit.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.roundtable.events.EventJson;
import org.roundtable.kit.sample.SampleApplication;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.RealInfrastructure;
import org.roundtable.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/** One Spring context, one PostgreSQL and one Kafka broker for every kit integration test. */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(database = "kit")
abstract class KitIntegrationTest {

    protected static final ObjectMapper JSON = EventJson.newMapper();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static String citizenToken(String subject) {
        return TestTokens.shared().mint(subject, "Citizen " + subject, "CITIZEN");
    }

    protected ApiClient.Response send(String method, String path, String token, String body, String... headers) {
        return ApiClient.onPort(port).send(method, path, token, body, headers);
    }

    protected String createSample(String token, String title, String... headers) throws Exception {
        ApiClient.Response created = send("POST", "/api/samples", token, JSON.writeValueAsString(Map.of("title", title)), headers);
        if (created.status() != 201) {
            throw new AssertionError("expected 201, got " + created.status() + " " + created.body());
        }
        return created.body().get("id").asText();
    }

    protected long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    protected List<String> storedPayloadTypes(String aggregateId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, aggregateId);
    }
}
