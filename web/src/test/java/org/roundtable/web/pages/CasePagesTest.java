package org.roundtable.web.pages;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.web.PageTest;
import org.roundtable.web.ServicesStub.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.web.CaseFixtures.CASE_ID;
import static org.roundtable.web.CaseFixtures.FUND_ID;
import static org.roundtable.web.CaseFixtures.decided;
import static org.roundtable.web.CaseFixtures.decisionCase;
import static org.roundtable.web.CaseFixtures.declared;
import static org.roundtable.web.CaseFixtures.fund;
import static org.roundtable.web.CaseFixtures.panel;
import static org.roundtable.web.CaseFixtures.summary;
import static org.roundtable.web.CaseFixtures.voted;
import static org.roundtable.web.Fixtures.PROPOSAL_ID;
import static org.roundtable.web.Fixtures.participation;

/** Decision cases without JavaScript: the list, what the panel knows, the panel, declarations, votes, closing, the outcome. */
class CasePagesTest extends PageTest {

    private static final String CASE = "/api/commissioning/cases/" + CASE_ID;

    @BeforeEach
    void participationAndFunds() {
        services.on("GET", "/api/participation/proposals/" + PROPOSAL_ID, Response.json(participation(1, "Amara Okafor")));
        services.on("GET", "/api/commissioning/funds", Response.json("[" + fund("50000") + "]"));
        services.on("GET", "/api/commissioning/funds/" + FUND_ID, Response.json(fund("50000")));
    }

    private WebClient dana() {
        return signedIn("dana", "Dana Reeves", "COMMISSIONER");
    }

    private WebClient bill() {
        return signedIn("bill", "Bill Turner", "CITIZEN");
    }

    @Test
    void casesAreListedByStateAndEachLeadsToItsPage() throws Exception {
        services.on("GET", "/api/commissioning/cases", Response.json("[" + summary("OPEN", null) + "]"));

        HtmlPage page = dana().getPage(url("/cases?status=OPEN"));

        assertThat(testId(page, "cases")).contains("Waiting for a panel").contains("Repair and make club").contains("libraries");
        assertThat(services.received("GET", "/api/commissioning/cases").get(0).query()).isEqualTo("status=OPEN");
        assertThat(page.getAnchorByText("Repair and make club").getHrefAttribute()).isEqualTo("/cases/" + CASE_ID);
    }

    @Test
    void beforeAnyVoteTheCaseShowsWhatThePanelKnowsAndAFundHolderAssemblesThePanel() throws Exception {
        services.on("GET", CASE, request -> services.received("POST", CASE + "/panel").isEmpty() ? Response.json(decisionCase("OPEN", null))
                : Response.json(decisionCase("ASSEMBLED", null, panel())));
        services.on("POST", CASE + "/panel", Response.status(204));

        HtmlPage page = dana().getPage(url("/cases/" + CASE_ID));
        assertThat(testId(page, "as-submitted")).contains("Young people and retired makers");
        assertThat(testId(page, "asked")).isEqualTo("12,000.00 GBP");
        assertThat(testId(page, "case-endorsements")).contains("Amara Okafor: Our library is where we meet");
        assertThat(testId(page, "case-pledges")).contains("Teaching soldering").contains("6 hours a month");
        assertThat(testId(page, "case-ideas")).contains("Start with bicycle lights (Bill Turner)");

        HtmlForm assemble = page.getFirstByXPath("//form[@data-testid='panel-form']");
        assertThat(assemble.getSelectByName("fundId").getSelectedOptions().get(0).getText()).contains("Libraries community fund (50,000.00 GBP remaining)");
        assemble.getInputByName("commissioners").setValue("dana, eli farah");
        assemble.getInputByName("citizens").setValue("bill");
        assemble.getInputByName("deadline").setValue("tomorrow");
        HtmlPage refused = assemble.getButtonByName("").click();
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(refused.getElementById("deadline-error").asNormalizedText()).contains("Give the deadline as a date and time");
        assertThat(services.received("POST", CASE + "/panel")).isEmpty();

        HtmlForm again = refused.getFirstByXPath("//form[@data-testid='panel-form']");
        assertThat(again.getInputByName("commissioners").getValue()).isEqualTo("dana, eli farah");
        again.getInputByName("deadline").setValue("2030-01-31T17:00");
        HtmlPage assembled = again.getButtonByName("").click();

        assertThat(testId(assembled, "done")).contains("The panel is assembled");
        assertThat(services.received("POST", CASE + "/panel").get(0).body()).contains("\"fundId\":\"" + FUND_ID + "\"")
                .contains("{\"memberId\":\"farah\",\"role\":\"COMMISSIONER\"}").contains("{\"memberId\":\"bill\",\"role\":\"CITIZEN\"}")
                .contains("\"chairId\":\"dana\"").contains("\"deadline\":\"2030-01-31T17:00:00Z\"").contains("\"amount\":null");
        assertThat(testId(assembled, "panel-terms")).contains("Chaired by dana").contains("12,000.00 GBP from Libraries community fund");
        assertThat(testId(assembled, "rules")).contains("Quorum is a majority of the members who are not recused");
    }

    @Test
    void aPanelWithoutACitizenIsRefusedBesideTheCitizensField() throws Exception {
        services.on("GET", CASE, Response.json(decisionCase("OPEN", null)));
        services.on("POST", CASE + "/panel", Response.problem(400, "Bad Request", "invalid", "members",
                "the panel needs at least one citizen member"));

        HtmlPage page = dana().getPage(url("/cases/" + CASE_ID));
        HtmlForm assemble = page.getFirstByXPath("//form[@data-testid='panel-form']");
        assemble.getInputByName("commissioners").setValue("dana, eli");
        assemble.getInputByName("deadline").setValue("2030-01-31T17:00");
        HtmlPage refused = assemble.getButtonByName("").click();

        assertThat(refused.getElementById("citizens-error").asNormalizedText()).contains("The panel needs at least one citizen member.");
    }

    @Test
    void aDeclaredInterestRecusesAndEveryoneSeesIt() throws Exception {
        services.onAfter("GET", CASE, 2, Response.json(decisionCase("ASSEMBLED", null, panel())),
                Response.json(decisionCase("ASSEMBLED", null, panel(), declared("farah", "COMMISSIONER", true, 2))));
        services.on("POST", CASE + "/declarations", Response.status(204));
        var farah = signedIn("farah", "Farah Haddad", "COMMISSIONER");

        HtmlPage page = farah.getPage(url("/cases/" + CASE_ID));
        HtmlForm declare = page.getFirstByXPath("//form[@data-testid='declaration-form']");
        ((HtmlRadioButtonInput) page.getElementById("hasInterest-true")).setChecked(true);
        declare.getTextAreaByName("description").setText("My partner volunteers at the repair café");
        HtmlPage declared = declare.getButtonByName("").click();

        assertThat(testId(declared, "done")).contains("Your declaration is recorded");
        assertThat(services.received("POST", CASE + "/declarations").get(0).body())
                .isEqualTo("{\"hasInterest\":true,\"description\":\"My partner volunteers at the repair café\",\"changeReason\":null}");
        assertThat(testId(declared, "you-are-recused")).contains("You declared an interest and are recused");

        HtmlPage asBill = bill().getPage(url("/cases/" + CASE_ID));
        assertThat(testId(asBill, "recused")).isEqualTo("Recused: My partner volunteers at the repair café");
        assertThat(asBill.querySelector("tr[data-member='bill'] th").asNormalizedText()).as("a citizen by the name the service gives")
                .isEqualTo("Bill Turner (citizen)");
    }

    @Test
    void aRecusedMembersVoteIsRefusedInPlainWords() throws Exception {
        services.on("GET", CASE, Response.json(decisionCase("ASSEMBLED", null, panel(), declared("farah", "COMMISSIONER", true, 2))));
        services.on("POST", CASE + "/votes", Response.problem(403, "Forbidden", "you declared an interest and are recused from this case", null, null));
        var farah = signedIn("farah", "Farah Haddad", "COMMISSIONER");

        HtmlPage page = farah.getPage(url("/cases/" + CASE_ID));
        HtmlForm vote = page.getFirstByXPath("//form[@data-testid='vote-form']");
        ((HtmlRadioButtonInput) page.getElementById("vote")).setChecked(true);
        vote.getTextAreaByName("rationale").setText("I know it works");
        HtmlPage refused = vote.getButtonByName("").click();

        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(testId(refused, "error-summary")).contains("You are not allowed to do this, in the role you act in. "
                + "You declared an interest and are recused from this case.");
        assertThat(refused.getElementById("rationale").getTextContent()).isEqualTo("I know it works");
    }

    @Test
    void aVoteWithoutRationaleIsRefusedBesideTheRationaleWithTheVoteKept() throws Exception {
        services.on("GET", CASE, Response.json(decisionCase("ASSEMBLED", null, panel(), declared("bill", "CITIZEN", false, 2))));
        services.on("POST", CASE + "/votes", Response.problem(400, "Bad Request", "invalid", "rationale", "a vote needs a rationale"));

        HtmlPage page = bill().getPage(url("/cases/" + CASE_ID));
        HtmlForm vote = page.getFirstByXPath("//form[@data-testid='vote-form']");
        ((HtmlRadioButtonInput) page.getElementById("vote-REJECT")).setChecked(true);
        HtmlPage refused = vote.getButtonByName("").click();

        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(refused.getElementById("rationale-error").asNormalizedText()).contains("A vote needs a rationale.");
        assertThat(((HtmlRadioButtonInput) refused.getElementById("vote-REJECT")).isChecked()).isTrue();
        assertThat(services.received("POST", CASE + "/votes").get(0).header("X-Acting-Role")).isEqualTo("CITIZEN");
    }

    @Test
    void aChangedVoteStaysVisibleMarkedAsChangedBesideTheVoteThatStands() throws Exception {
        services.on("GET", CASE, Response.json(decisionCase("ASSEMBLED", null, panel(), declared("eli", "COMMISSIONER", false, 2),
                voted("eli", "COMMISSIONER", "REJECT", null, "Too few places", 3),
                voted("eli", "COMMISSIONER", "APPROVE", "REJECT", "Convinced by the room plan", 4))));

        HtmlPage page = bill().getPage(url("/cases/" + CASE_ID));

        var votes = page.querySelectorAll("[data-testid='votes'] li");
        assertThat(votes).hasSize(2);
        assertThat(votes.get(0).asNormalizedText()).contains("Reject").contains("changed later").contains("Too few places");
        assertThat(votes.get(1).asNormalizedText()).contains("Approve (changed from Reject)").contains("Convinced by the room plan")
                .doesNotContain("changed later");
        assertThat(page.querySelector("tr[data-member='eli']").asNormalizedText()).contains("No interest declared").endsWith("Approve");
    }

    @Test
    void aCloseTheFundCannotPayIsRefusedInPlainWordsAndTheCaseStaysOpen() throws Exception {
        services.on("GET", CASE, Response.json(decisionCase("ASSEMBLED", null, panel())));
        services.on("POST", CASE + "/closure", Response.problem(409, "Conflict",
                "fund " + FUND_ID + " holds only 5000.00 GBP, not 12000 GBP", null, null));

        HtmlPage page = dana().getPage(url("/cases/" + CASE_ID));
        HtmlPage refused = ((HtmlForm) page.getFirstByXPath("//form[@data-testid='closure-form']")).getButtonByName("").click();

        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(409);
        assertThat(testId(refused, "error-summary")).contains("This cannot be done now, in the state it is in.").contains("holds only 5000.00 GBP");
        assertThat(testId(refused, "case-state")).isEqualTo("Panel sitting");
        assertThat(services.received("POST", CASE + "/closure").get(0).body()).isEqualTo("{}");
    }

    @Test
    void theChairClosesAndTheOutcomeTheRollAndTheAllocationAreShown() throws Exception {
        String[] sitting = {panel(), declared("farah", "COMMISSIONER", true, 2), voted("dana", "COMMISSIONER", "APPROVE", null,
                "Built on what the community has", 3)};
        String[] closed = {panel(), declared("farah", "COMMISSIONER", true, 2), voted("dana", "COMMISSIONER", "APPROVE", null,
                "Built on what the community has", 3), decided(9)};
        services.onAfter("GET", CASE, 2, Response.json(decisionCase("ASSEMBLED", null, sitting)), Response.json(decisionCase("CLOSED", "APPROVED", closed)));
        services.on("POST", CASE + "/closure", Response.status(204));

        HtmlPage page = dana().getPage(url("/cases/" + CASE_ID));
        HtmlPage decidedPage = ((HtmlForm) page.getFirstByXPath("//form[@data-testid='closure-form']")).getButtonByName("").click();

        assertThat(testId(decidedPage, "done")).contains("The case is closed");
        assertThat(testId(decidedPage, "decision")).contains("Approved").contains("12,000.00 GBP allocated");
        assertThat(testId(decidedPage, "roll").replace('\t', ' ')).contains("farah (commissioner) Recused Declared interest: My partner volunteers at the repair café")
                .contains("Bill Turner (citizen) Approve My grandson would learn here");
        assertThat(testId(decidedPage, "decision-note")).contains("Quorate");
        assertThat((Object) decidedPage.getFirstByXPath("//form[@data-testid='vote-form']")).as("nothing more to vote on").isNull();
    }

    @Test
    void fundsShowHoldersAndWhatRemainsAndACommissionerCreatesOne() throws Exception {
        services.on("POST", "/api/commissioning/funds", Response.created(FUND_ID));
        services.on("GET", "/api/commissioning/cases", Response.json("[" + summary("CLOSED", "APPROVED") + "]"));
        services.on("GET", CASE, Response.json(decisionCase("CLOSED", "APPROVED", panel(), decided(9))));
        services.onAfter("GET", "/api/commissioning/funds/" + FUND_ID, 1, Response.problem(404, "Not Found", "no fund", null, null),
                Response.json(fund("38000")));

        HtmlPage page = dana().getPage(url("/funds"));
        assertThat(testId(page, "funds")).contains("Libraries community fund").contains("dana, eli").contains("50,000.00 GBP");
        HtmlForm create = page.getFirstByXPath("//form[@data-testid='fund-form']");
        assertThat(create.getInputByName("holderIds").getValue()).isEqualTo("dana");
        create.getInputByName("name").setValue("Libraries community fund");
        create.getInputByName("serviceArea").setValue("libraries");
        create.getInputByName("periodStart").setValue("2026-01-01");
        create.getInputByName("periodEnd").setValue("2026-12-31");
        create.getInputByName("amount").setValue("50,000");
        create.getInputByName("holderIds").setValue("dana, eli");
        HtmlPage created = create.getButtonByName("").click();

        assertThat(created.getUrl().getPath()).isEqualTo("/funds/" + FUND_ID);
        assertThat(testId(created, "done")).contains("The fund is created");
        assertThat(services.received("POST", "/api/commissioning/funds").get(0).body()).contains("\"amount\":{\"amount\":50000,\"currency\":\"GBP\"}")
                .contains("\"holderIds\":[\"dana\",\"eli\"]").contains("\"periodStart\":\"2026-01-01\"");
        assertThat(testId(created, "remaining")).isEqualTo("38,000.00 GBP");
        assertThat(testId(created, "allocated")).isEqualTo("12,000.00 GBP");
        assertThat(testId(created, "allocations")).contains("Repair and make club: 12,000.00 GBP");
    }

    @Test
    void aFundNotHeldByItsCreatorIsRefusedBesideTheHolders() throws Exception {
        services.on("POST", "/api/commissioning/funds", Response.problem(400, "Bad Request", "invalid", "holderIds",
                "the commissioner creating a fund is one of its holders"));

        HtmlPage page = dana().getPage(url("/funds"));
        HtmlForm create = page.getFirstByXPath("//form[@data-testid='fund-form']");
        create.getInputByName("amount").setValue("50000");
        create.getInputByName("holderIds").setValue("eli");
        HtmlPage refused = create.getButtonByName("").click();

        assertThat(refused.getElementById("holderIds-error").asNormalizedText()).contains("The commissioner creating a fund is one of its holders.");
        assertThat(((org.htmlunit.html.HtmlInput) refused.getElementById("holderIds")).getValue()).isEqualTo("eli");
    }

    @Test
    void aFundWhoseAmountIsNotANumberIsRefusedBesideTheAmountAndNothingIsSent() throws Exception {
        HtmlPage page = dana().getPage(url("/funds"));
        HtmlForm create = page.getFirstByXPath("//form[@data-testid='fund-form']");
        create.getInputByName("amount").setValue("fifty thousand");
        create.getInputByName("holderIds").setValue("dana");
        HtmlPage notAnAmount = create.getButtonByName("").click();
        assertThat(notAnAmount.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(notAnAmount.getElementById("amount-error").asNormalizedText()).contains("Give the amount as a number of pounds");
        assertThat(((org.htmlunit.html.HtmlInput) notAnAmount.getElementById("amount")).getValue()).isEqualTo("fifty thousand");
        assertThat(services.received("POST", "/api/commissioning/funds")).isEmpty();
    }
}
