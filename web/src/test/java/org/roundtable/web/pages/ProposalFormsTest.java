package org.roundtable.web.pages;

import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.roundtable.web.PageTest;
import org.roundtable.web.ServicesStub.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.web.Fixtures.PROPOSAL_ID;
import static org.roundtable.web.Fixtures.proposal;

/** Drafting and amending without JavaScript: the form posts, the page follows the redirect. */
class ProposalFormsTest extends PageTest {

    private static final String FRAMING = "{\"findings\":[{\"found\":\"lack\",\"start\":0,\"end\":4,\"deficit\":\"lack\","
            + "\"assetBased\":[\"what we have\",\"strengths to build on\"],\"why\":\"start from strengths\"}],\"strengthsNamed\":[],\"deficitOnly\":true}";

    @Test
    void assetsAreAskedFirstAndADraftIsSentAsTypedThenItsPageShowsOnceRecorded() throws Exception {
        services.on("POST", "/api/proposals", Response.created(PROPOSAL_ID));
        services.onAfter("GET", "/api/proposals/" + PROPOSAL_ID, 1, Response.status(404), Response.json(proposal("DRAFT", 1, null)));

        HtmlPage blank = amara().getPage(url("/proposals/new"));
        HtmlForm form = blank.getFirstByXPath("//form[@data-testid='proposal-form']");
        assertThat(form.asNormalizedText().indexOf("What does your community already have?"))
                .as("assets come before the aspiration").isLessThan(form.asNormalizedText().indexOf("What would good look like?"));
        fill(form);

        HtmlPage shown = save(form);

        assertThat(shown.getUrl().getPath()).isEqualTo("/proposals/" + PROPOSAL_ID);
        assertThat(testId(shown, "done")).contains("Your draft is saved");
        String sent = services.received("POST", "/api/proposals").get(0).body();
        assertThat(sent).contains("\"title\":\"Repair and make club\"").contains("\"kind\":\"SKILL\"")
                .contains("\"holder\":\"Eastfield repair café\"").contains("\"amount\":12000").contains("\"currency\":\"GBP\"")
                .contains("\"intendedOutcomes\":[\"Young people gain skills\",\"Retired makers pass on their craft\"]")
                .contains("\"otherResources\":[\"Tools\"]");
        assertThat(services.received("POST", "/api/proposals").get(0).header("X-Acting-Role")).isEqualTo("CITIZEN");
    }

    @Test
    void addAnotherAssetAndCheckTheFramingWorkWithoutJavaScriptAndSendNothing() throws Exception {
        services.on("POST", "/api/proposals/framing-check", Response.json(FRAMING));
        HtmlPage blank = amara().getPage(url("/proposals/new"));
        HtmlForm form = blank.getFirstByXPath("//form[@data-testid='proposal-form']");
        fill(form);

        HtmlPage twoRows = ((org.htmlunit.html.HtmlButton) blank.getFirstByXPath("//button[@value='add-asset']")).click();
        assertThat(twoRows.getElementById("assets-1-description")).as("a second, blank asset row").isNotNull();
        assertThat(((org.htmlunit.html.HtmlInput) twoRows.getElementById("assets-0-description")).getValue())
                .isEqualTo("Retired engineers who mend and teach");

        HtmlPage advised = ((org.htmlunit.html.HtmlButton) twoRows.getFirstByXPath("//button[@value='check']")).click();
        assertThat(testId(advised, "framing")).contains("You wrote “lack”. Perhaps: what we have, strengths to build on.")
                .contains("Advice only");
        assertThat(((org.htmlunit.html.HtmlInput) advised.getElementById("title")).getValue()).isEqualTo("Repair and make club");
        assertThat(services.received("POST", "/api/proposals")).as("nothing drafted").isEmpty();
    }

    @Test
    void theFramingFragmentForHtmxAndAnUnavailableCheckNeverBlocks() throws Exception {
        services.on("POST", "/api/proposals/framing-check", Response.json(FRAMING));
        HtmlPage blank = amara().getPage(url("/proposals/new"));
        String csrf = ((org.htmlunit.html.HtmlInput) blank.getFirstByXPath("//form[@data-testid='proposal-form']//input[@name='_csrf']")).getValue();
        var request = new org.htmlunit.WebRequest(new java.net.URL(url("/framing-check")), org.htmlunit.HttpMethod.POST);
        request.setRequestParameters(java.util.List.of(new org.htmlunit.util.NameValuePair("_csrf", csrf),
                new org.htmlunit.util.NameValuePair("aspiration", "We lack a place")));
        var amaraBrowser = blank.getWebClient();
        var fragment = amaraBrowser.getPage(request).getWebResponse().getContentAsString();
        assertThat(fragment).contains("id=\"framing\"").contains("what we have").doesNotContain("<html");
        assertThat(services.received("POST", "/api/proposals/framing-check").get(0).body()).contains("We lack a place");

        services.on("POST", "/api/proposals/framing-check", Response.problem(503, "Unavailable", "down", null, null));
        assertThat(amaraBrowser.getPage(request).getWebResponse().getStatusCode()).isEqualTo(200);
    }

    @Test
    void aRefusedDraftShowsTheProblemBesideTheFieldItNamesAndKeepsWhatWasTyped() throws Exception {
        services.on("POST", "/api/proposals", Response.problem(400, "Bad Request", "invalid", "assets[0].holder",
                "assets[0].holder must not be blank"));
        HtmlPage blank = amara().getPage(url("/proposals/new"));
        HtmlForm form = blank.getFirstByXPath("//form[@data-testid='proposal-form']");
        fill(form);
        form.getInputByName("assets[0].holder").setValue("");

        HtmlPage refused = save(form);

        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(testId(refused, "error-summary")).contains("Assets[0].holder must not be blank.");
        assertThat(refused.getElementById("assets-0-holder-error").asNormalizedText()).contains("must not be blank");
        assertThat(refused.getAnchorByText("Assets[0].holder must not be blank.").getHrefAttribute()).isEqualTo("#assets-0-holder");
        assertThat(((org.htmlunit.html.HtmlInput) refused.getElementById("assets-0-description")).getValue())
                .isEqualTo("Retired engineers who mend and teach");
        assertThat(refused.getElementById("aspiration").getTextContent()).isEqualTo("Young people and retired makers repairing things together");
    }

    @Test
    void anAmountThatIsNotANumberIsRefusedHereAndNothingIsSent() throws Exception {
        HtmlPage blank = amara().getPage(url("/proposals/new"));
        HtmlForm form = blank.getFirstByXPath("//form[@data-testid='proposal-form']");
        fill(form);
        form.getInputByName("askAmount").setValue("twelve thousand");
        HtmlPage refused = save(form);
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(refused.getElementById("askAmount-error").asNormalizedText()).contains("Give the amount as a number");
        assertThat(services.received("POST", "/api/proposals")).isEmpty();
    }

    @Test
    void aCommissionerCannotDraftAndIsToldPlainly() throws Exception {
        services.on("POST", "/api/proposals", Response.problem(403, "Forbidden", "only citizens and staff", null, null));
        var dana = signedIn("dana", "Dana Reeves", "COMMISSIONER");
        HtmlPage blank = dana.getPage(url("/proposals/new"));
        HtmlForm form = blank.getFirstByXPath("//form[@data-testid='proposal-form']");
        fill(form);
        HtmlPage refused = save(form);
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(testId(refused, "error-summary")).contains("You are not allowed to do this, in the role you act in.");
    }

    @Test
    void anAmendmentIsSentWithItsNoteAndThePageWaitsForTheNewRevision() throws Exception {
        services.onAfter("GET", "/api/proposals/" + PROPOSAL_ID, 3, Response.json(proposal("DRAFT", 1, "JOINED")),
                Response.json(proposal("DRAFT", 2, "JOINED")));
        services.on("POST", "/api/proposals/" + PROPOSAL_ID + "/revisions", Response.status(204));
        var chen = signedIn("chen", "Chen Li", "STAFF");

        HtmlPage amendForm = chen.getPage(url("/proposals/" + PROPOSAL_ID + "/amend"));
        HtmlForm form = amendForm.getFirstByXPath("//form[@data-testid='proposal-form']");
        assertThat(form.getInputByName("title").getValue()).isEqualTo("Repair and make club");
        form.getTextAreaByName("aspiration").setText("Young people and retired makers repairing and building things together, at their library");
        form.getInputByName("note").setValue("Room availability corrected");
        HtmlPage shown = save(form);

        assertThat(shown.getUrl().getPath()).isEqualTo("/proposals/" + PROPOSAL_ID);
        assertThat(testId(shown, "done")).contains("Your revision is saved");
        assertThat(shown.querySelectorAll("[data-testid='revision']")).hasSize(2);
        assertThat(services.received("POST", "/api/proposals/" + PROPOSAL_ID + "/revisions").get(0).body())
                .contains("\"note\":\"Room availability corrected\"").contains("at their library");
    }

    static HtmlPage save(HtmlForm form) throws java.io.IOException {
        return ((org.htmlunit.html.HtmlButton) form.getFirstByXPath(".//button[@value='save']")).click();
    }

    static void fill(HtmlForm form) {
        form.getSelectByName("assets[0].kind").setSelectedAttribute("SKILL", true);
        form.getInputByName("assets[0].description").setValue("Retired engineers who mend and teach");
        form.getInputByName("assets[0].holder").setValue("Eastfield repair café");
        form.getInputByName("title").setValue("Repair and make club");
        form.getTextAreaByName("aspiration").setText("Young people and retired makers repairing things together");
        form.getInputByName("serviceArea").setValue("libraries");
        form.getTextAreaByName("intendedOutcomes").setText("Young people gain skills\n\nRetired makers pass on their craft");
        form.getInputByName("askAmount").setValue("12000");
        form.getTextAreaByName("otherResources").setText("Tools");
    }
}
