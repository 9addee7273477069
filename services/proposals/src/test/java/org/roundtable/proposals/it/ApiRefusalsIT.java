package org.roundtable.proposals.it;

import org.junit.jupiter.api.Test;
import org.roundtable.kit.authority.Authorities;
import org.roundtable.proposals.domain.ProposalCommands.AmendProposal;
import org.roundtable.proposals.domain.ProposalCommands.DraftProposal;
import org.roundtable.proposals.domain.ProposalCommands.InviteCoDesigner;
import org.roundtable.proposals.domain.ProposalCommands.SubmitProposal;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.TestTokens;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRefusalsIT extends ProposalsIntegrationTest {

    @Test
    void withoutATokenNothingIsWrittenAndOnlyWhatThePublicPagesShowIsRead() {
        long before = storedEvents();

        assertProblem(api().post("/api/proposals", null, CONTENT), 401);
        assertProblem(api().get("/api/proposals/operations/dead-letters", null), 401);
        assertThat(api().get("/api/proposals", null).status()).as("proposals are public reading").isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aMachineTokenGrantingNoRoleWritesNothingAndReadsOnlyWhatIsPublic() {
        String machine = TestTokens.shared().mint("roundtable-machine", "Roundtable machine client");
        long before = storedEvents();

        assertProblem(api().post("/api/proposals", machine, CONTENT), 403);
        assertProblem(api().get("/api/proposals/operations/dead-letters", machine), 403);
        assertThat(api().get("/api/proposals", machine).status()).isEqualTo(200);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void auditorsAndCommissionersDoNotWriteProposals() {
        long before = storedEvents();

        assertProblem(api().post("/api/proposals", TestTokens.shared().mint("auditor-1", "Auditor", "AUDITOR"), CONTENT), 403);
        assertProblem(api().post("/api/proposals", TestTokens.shared().mint("commissioner-1", "Commissioner", "COMMISSIONER"), CONTENT), 403);
        ApiClient.Response actingAsAuditor = api().send("POST", "/api/proposals",
                TestTokens.shared().mint("both-1", "Both", "CITIZEN", "AUDITOR"), CONTENT, "X-Acting-Role", "AUDITOR");
        assertProblem(actingAsAuditor, 403);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api().get("/api/proposals", TestTokens.shared().mint("auditor-1", "Auditor", "AUDITOR")).status()).isEqualTo(200);
    }

    @Test
    void eachEndpointIsOpenOnlyToTheRolesItsCommandDeclares() {
        String id = draft(citizen("citizen-jo"));

        assertOpenOnlyTo(Authorities.rolesOf(DraftProposal.class), "POST", "/api/proposals", CONTENT);
        assertOpenOnlyTo(Authorities.rolesOf(InviteCoDesigner.class), "POST", "/api/proposals/" + id + "/invitations", Map.of("inviteeId", "kim"));
        assertOpenOnlyTo(Authorities.rolesOf(AmendProposal.class), "POST", "/api/proposals/" + id + "/revisions",
                Map.of("content", CONTENT, "note", "mine"));
        assertOpenOnlyTo(Authorities.rolesOf(SubmitProposal.class), "POST", "/api/proposals/" + id + "/submission", null);
    }

    @Test
    void invalidInputIs400NamingTheFieldAndStoresNothing() {
        String token = citizen("citizen-careless");
        long before = storedEvents();

        assertField(api().post("/api/proposals", token, with("title", "  ")), "title");
        assertField(api().post("/api/proposals", token, with("assets", List.of(Map.of("kind", "GOODWILL", "description", "x", "holder", "y")))),
                "assets[0].kind");
        assertField(api().post("/api/proposals", token, with("ask", Map.of("money", Map.of("amount", "-5", "currency", "GBP")))),
                "ask.money.amount");
        assertField(api().post("/api/proposals", token, with("aspiration", "x".repeat(4001))), "aspiration");
        assertField(api().post("/api/proposals", token, "{\"title\": "), "body");
        assertField(api().send("POST", "/api/proposals", token, CONTENT, "X-Acting-Role", "WIZARD"), "X-Acting-Role");
        assertField(api().get("/api/proposals?sort=secretField", token), "sort");
        assertField(api().get("/api/proposals?status=PENDING", token), "status");
        assertField(api().get("/api/proposals/not-a-uuid", token), "id");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void unknownProposalsAre404() {
        String unknown = UUID.randomUUID().toString();
        long before = storedEvents();

        assertProblem(api().get("/api/proposals/" + unknown, citizen("someone")), 404);
        assertProblem(api().post("/api/proposals/" + unknown + "/submission", citizen("someone"), null), 404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void domainRulesRefuseWith403Or409AndStoreNothing() {
        String id = draft(citizen("citizen-gil"));
        long before = storedEvents();

        ApiClient.Response stranger = api().post("/api/proposals/" + id + "/revisions", citizen("citizen-stranger"),
                Map.of("content", CONTENT, "note", "my idea now"));
        ApiClient.Response alone = api().post("/api/proposals/" + id + "/submission", citizen("citizen-gil"), null);
        ApiClient.Response uninvited = api().post("/api/proposals/" + id + "/co-designers", citizen("citizen-stranger"),
                Map.of("brings", "opinions"));

        assertProblem(stranger, 403);
        assertProblem(alone, 409);
        assertThat(alone.body().get("detail").asText()).contains("at least one co-designer besides its author");
        assertProblem(uninvited, 403);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aSubmittedProposalIsFrozen() {
        String id = submitted("citizen-hal", "staff-ivy");
        long before = storedEvents();

        assertProblem(api().post("/api/proposals/" + id + "/revisions", citizen("citizen-hal"), Map.of("content", CONTENT, "note", "late")), 409);
        assertProblem(api().post("/api/proposals/" + id + "/submission", citizen("citizen-hal"), null), 409);
        assertThat(storedEvents()).isEqualTo(before);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> content = new HashMap<>(CONTENT);
        content.put(field, value);
        return content;
    }
}
