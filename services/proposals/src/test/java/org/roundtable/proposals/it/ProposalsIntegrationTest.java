package org.roundtable.proposals.it;

import org.roundtable.proposals.ProposalsApplication;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.RealInfrastructure;
import org.roundtable.testsupport.ServiceIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;
import java.util.Map;

/** The proposals service on a real PostgreSQL and Kafka broker, one context for every test class. */
@SpringBootTest(classes = ProposalsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"roundtable.inbox.retries=1", "roundtable.inbox.retry-interval=100ms"})
@RealInfrastructure(database = "proposals")
abstract class ProposalsIntegrationTest extends ServiceIntegrationTest {

    static final Map<String, Object> CONTENT = Map.of(
            "title", "Library garden",
            "aspiration", "Neighbours grow food together in the library's garden and share what they grow",
            "serviceArea", "Libraries",
            "assets", List.of(
                    Map.of("kind", "PLACE", "description", "The library's walled back garden", "holder", "Central Library"),
                    Map.of("kind", "SKILL", "description", "Twenty years of allotment growing", "holder", "Allotment society")),
            "ask", Map.of("money", Map.of("amount", "1200.00", "currency", "GBP"), "otherResources", List.of("raised beds")),
            "intendedOutcomes", List.of("More connection between neighbours", "Skills in growing food passed on"));

    String draft(String token) {
        ApiClient.Response drafted = api().post("/api/proposals", token, CONTENT);
        if (drafted.status() != 201) {
            throw new AssertionError("draft refused: " + drafted.status() + " " + drafted.body());
        }
        return drafted.body().get("id").asText();
    }

    /** Drafted by one citizen, co-designed with a staff member, submitted by the staff member. */
    String submitted(String author, String staffMember) {
        String id = draft(citizen(author));
        expect(204, api().post("/api/proposals/" + id + "/invitations", citizen(author), Map.of("inviteeId", staffMember)));
        expect(204, api().send("POST", "/api/proposals/" + id + "/co-designers", staff(staffMember),
                Map.of("brings", "runs the library's volunteers"), "X-Acting-Role", "STAFF"));
        expect(204, api().send("POST", "/api/proposals/" + id + "/submission", staff(staffMember), null, "X-Acting-Role", "STAFF"));
        return id;
    }
}
