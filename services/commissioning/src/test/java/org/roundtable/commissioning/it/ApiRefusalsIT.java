package org.roundtable.commissioning.it;

import org.junit.jupiter.api.Test;
import org.roundtable.commissioning.domain.CommissioningCommands.AssemblePanel;
import org.roundtable.commissioning.domain.CommissioningCommands.CastVote;
import org.roundtable.commissioning.domain.CommissioningCommands.CloseDecisionCase;
import org.roundtable.commissioning.domain.CommissioningCommands.CreateFund;
import org.roundtable.commissioning.domain.CommissioningCommands.DeclareInterest;
import org.roundtable.kit.authority.Authorities;
import org.roundtable.testsupport.ApiClient;
import org.roundtable.testsupport.TestTokens;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRefusalsIT extends CommissioningIntegrationTest {

    @Test
    void withoutAValidTokenNothingIsReadOrWritten() {
        long before = storedEvents();

        assertProblem(api().post("/api/commissioning/funds", null, fundForm("100.00")), 401);
        assertProblem(api().get("/api/commissioning/cases", null), 401);
        assertProblem(api().post("/api/commissioning/funds", TestTokens.shared().mintExpired("ali", "COMMISSIONER"), fundForm("100.00")), 401);
        assertProblem(api().post("/api/commissioning/funds", TestTokens.shared().mintWithUnknownKey("ali", "COMMISSIONER"),
                fundForm("100.00")), 401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void onlyCommissionersManageFundsAndAuditorsOnlyRead() {
        long before = storedEvents();

        assertProblem(api().post("/api/commissioning/funds", auditor("aud"), fundForm("100.00")), 403);
        assertProblem(api().post("/api/commissioning/funds", citizen("cal"), fundForm("100.00")), 403);
        assertProblem(api().send("POST", "/api/commissioning/funds", TestTokens.shared().mint("both", "Both", "COMMISSIONER", "AUDITOR"),
                fundForm("100.00"), "X-Acting-Role", "AUDITOR"), 403);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(api().get("/api/commissioning/funds", auditor("aud")).status()).isEqualTo(200);
        assertThat(api().get("/api/commissioning/cases", auditor("aud")).status()).isEqualTo(200);
    }

    @Test
    void eachEndpointIsOpenOnlyToTheRolesItsCommandDeclares() throws Exception {
        String fundId = fund("ali", "5000.00");
        String casePath = "/api/commissioning/cases/" + submitted(UUID.randomUUID().toString());

        assertOpenOnlyTo(Authorities.rolesOf(CreateFund.class), "POST", "/api/commissioning/funds", fundForm("100.00"));
        assertOpenOnlyTo(Authorities.rolesOf(AssemblePanel.class), "POST", casePath + "/panel", panel(fundId, "ali", "bea", "cal", null));
        assertOpenOnlyTo(Authorities.rolesOf(DeclareInterest.class), "POST", casePath + "/declarations", Map.of("hasInterest", false));
        assertOpenOnlyTo(Authorities.rolesOf(CastVote.class), "POST", casePath + "/votes", Map.of("vote", "APPROVE", "rationale", "fine"));
        assertOpenOnlyTo(Authorities.rolesOf(CloseDecisionCase.class), "POST", casePath + "/closure", null);
    }

    @Test
    void invalidInputIs400NamingTheFieldAndStoresNothing() throws Exception {
        String fundId = fund("ali", "5000.00");
        String caseId = submitted(UUID.randomUUID().toString());
        String ali = commissioner("ali");
        long before = storedEvents();

        assertField(api().post("/api/commissioning/funds", ali, fundWith("name", " ")), "name");
        assertField(api().post("/api/commissioning/funds", ali, fundWith("amount", Map.of("amount", "-1", "currency", "GBP"))), "amount.amount");
        assertField(api().post("/api/commissioning/funds", ali, fundWith("amount", Map.of("amount", "10", "currency", "pounds"))), "amount.currency");
        assertField(api().post("/api/commissioning/funds", ali, fundWith("periodEnd", "2020-01-01")), "periodEnd");
        assertField(api().post("/api/commissioning/funds", ali, fundWith("periodStart", "next spring")), "periodStart");
        assertField(api().post("/api/commissioning/funds", ali, "{\"name\": "), "body");
        String panelPath = "/api/commissioning/cases/" + caseId + "/panel";
        assertField(api().post(panelPath, ali, panelWith(fundId, "members", List.of(member("ali", "COMMISSIONER")))), "members");
        assertField(api().post(panelPath, ali, panelWith(fundId, "members", List.of(member("ali", "COMMISSIONER"), member("cal", "WIZARD")))),
                "members[1].role");
        assertField(api().post(panelPath, ali, panelWith(fundId, "members", List.of(member("ali", "COMMISSIONER"), member("cal", "AUDITOR")))),
                "members[1].role");
        assertField(api().post(panelPath, ali, panelWith(fundId, "chairId", "zed")), "chairId");
        assertField(api().post(panelPath, ali, panelWith(fundId, "deadline", Instant.now().minusSeconds(60).toString())), "deadline");
        assertField(api().post(panelPath, ali, panelWith(fundId, "amount", Map.of("amount", "10.001", "currency", "GBP"))), "amount.amount");
        assertField(api().post(panelPath, ali, panelWith(UUID.randomUUID().toString(), "chairId", "ali")), "fundId");
        assertField(api().post("/api/commissioning/cases/" + caseId + "/declarations", ali, Map.of("description", "none")), "hasInterest");
        assertField(api().get("/api/commissioning/cases?status=PENDING", ali), "status");
        assertField(api().get("/api/commissioning/cases/not-a-uuid", ali), "caseId");
        assertField(api().send("POST", "/api/commissioning/funds", ali, fundForm("100.00"), "X-Acting-Role", "WIZARD"), "X-Acting-Role");
        assertThat(storedEvents()).isEqualTo(before);

        expect(204, api().post(panelPath, ali, panel(fundId, "ali", "bea", "cal", null)));
        declare(caseId, citizen("cal"), false, null);
        long assembled = storedEvents();
        assertField(api().post("/api/commissioning/cases/" + caseId + "/votes", citizen("cal"), Map.of("vote", "APPROVE", "rationale", " ")),
                "rationale");
        assertField(api().post("/api/commissioning/cases/" + caseId + "/votes", citizen("cal"), Map.of("vote", "MAYBE", "rationale", "why")),
                "vote");
        assertField(api().post("/api/commissioning/cases/" + caseId + "/declarations", commissioner("bea"), Map.of("hasInterest", true)),
                "description");
        assertThat(storedEvents()).isEqualTo(assembled);
    }

    @Test
    void unknownCasesAndFundsAre404() {
        String unknown = UUID.randomUUID().toString();
        long before = storedEvents();

        assertProblem(api().get("/api/commissioning/cases/" + unknown, auditor("aud")), 404);
        assertProblem(api().get("/api/commissioning/funds/" + unknown, auditor("aud")), 404);
        assertProblem(api().post("/api/commissioning/cases/" + unknown + "/panel", commissioner("ali"), panel(unknown, "ali", "bea", "cal", null)), 404);
        assertProblem(api().post("/api/commissioning/cases/" + unknown + "/declarations", citizen("cal"), Map.of("hasInterest", false)), 404);
        assertProblem(api().post("/api/commissioning/cases/" + unknown + "/votes", citizen("cal"), Map.of("vote", "APPROVE", "rationale", "yes")), 404);
        assertProblem(api().post("/api/commissioning/cases/" + unknown + "/closure", commissioner("ali"), null), 404);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theDomainRefusesWith403Or409AndStoresNothing() throws Exception {
        String fundId = fund("ali", "5000.00");
        String caseId = submitted(UUID.randomUUID().toString());
        String casePath = "/api/commissioning/cases/" + caseId;
        long before = storedEvents();

        assertProblem(api().post(casePath + "/panel", commissioner("bea"), panel(fundId, "bea", "ali", "cal", null)), 403);
        assertProblem(api().post(casePath + "/panel", auditor("aud"), panel(fundId, "ali", "bea", "cal", null)), 403);
        assertProblem(api().post(casePath + "/panel", citizen("cal"), panel(fundId, "ali", "bea", "cal", null)), 403);
        assertProblem(api().post(casePath + "/closure", commissioner("ali"), null), 409);
        assertThat(storedEvents()).isEqualTo(before);

        expect(204, api().post(casePath + "/panel", commissioner("ali"), panel(fundId, "ali", "bea", "cal", null)));
        declare(caseId, commissioner("bea"), true, "I am a trustee of the library's friends");
        long assembled = storedEvents();

        assertProblem(api().post(casePath + "/panel", commissioner("ali"), panel(fundId, "ali", "bea", "cal", null)), 409);
        assertProblem(api().post(casePath + "/votes", citizen("cal"), Map.of("vote", "APPROVE", "rationale", "undeclared")), 409);
        assertProblem(api().post(casePath + "/votes", commissioner("bea"), Map.of("vote", "APPROVE", "rationale", "recused")), 403);
        assertField(api().post(casePath + "/declarations", commissioner("bea"), Map.of("hasInterest", false)), "changeReason");
        assertProblem(api().post(casePath + "/declarations", commissioner("zed"), Map.of("hasInterest", false)), 403);
        assertProblem(api().post(casePath + "/declarations", auditor("cal"), Map.of("hasInterest", false)), 403);
        assertProblem(api().send("POST", casePath + "/declarations", TestTokens.shared().mint("cal", "Cal", "CITIZEN", "COMMISSIONER"),
                Map.of("hasInterest", false), "X-Acting-Role", "COMMISSIONER"), 403);
        assertProblem(api().post(casePath + "/closure", citizen("cal"), null), 403);
        assertThat(storedEvents()).isEqualTo(assembled);
    }

    private static Map<String, Object> fundWith(String field, Object value) {
        Map<String, Object> form = fundForm("100.00");
        form.put(field, value);
        return form;
    }

    private static Map<String, Object> panelWith(String fundId, String field, Object value) {
        Map<String, Object> form = panel(fundId, "ali", "bea", "cal", null);
        form.put(field, value);
        return form;
    }
}
