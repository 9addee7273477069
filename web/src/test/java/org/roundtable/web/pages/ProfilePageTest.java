package org.roundtable.web.pages;

import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.roundtable.web.PageTest;
import org.roundtable.web.ServicesStub.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.web.Fixtures.PROPOSAL_ID;

class ProfilePageTest extends PageTest {

    private static final String PROFILE = "{\"participantId\":\"bill\",\"displayName\":\"Bill Turner\",\"publicName\":\"Bill Turner\","
            + "\"namedPublicly\":true,\"roles\":[\"CITIZEN\"],\"neighbourhood\":\"Eastfield\",\"offers\":null,\"livesLocally\":null,"
            + "\"usesServices\":null,\"contactable\":false,\"contactEmail\":null}";

    @Test
    void aNewcomerStartsFromTheirNameAndConsentIsExplainedAndSent() throws Exception {
        services.on("PUT", "/api/participation/profile", Response.status(204));
        var bill = signedIn("bill", "Bill Turner", "CITIZEN");

        HtmlPage blank = bill.getPage(url("/profile"));
        assertThat(blank.getWebResponse().getStatusCode()).isEqualTo(200);
        HtmlForm form = blank.getFirstByXPath("//form[@data-testid='profile-form']");
        assertThat(form.getInputByName("displayName").getValue()).isEqualTo("Bill Turner");
        assertThat(form.asNormalizedText()).contains("others see a made-up name that does not lead back to you").contains("Nobody else sees it");
        assertThat(form.asNormalizedText()).as("staff questions only for staff").doesNotContain("I live in the area I work in");
        form.getInputByName("neighbourhood").setValue("Eastfield");
        ((HtmlCheckBoxInput) form.getInputByName("namedPublicly")).setChecked(true);
        services.on("GET", "/api/participation/profile", Response.json(PROFILE));
        HtmlPage saved = ((org.htmlunit.html.HtmlButton) form.getFirstByXPath(".//button")).click();

        assertThat(testId(saved, "done")).contains("Your profile is saved");
        assertThat(services.received("PUT", "/api/participation/profile").get(0).body()).contains("\"displayName\":\"Bill Turner\"")
                .contains("\"roles\":[\"CITIZEN\"]").contains("\"neighbourhood\":\"Eastfield\"").contains("\"namedPublicly\":true")
                .contains("\"contactable\":false");
    }

    @Test
    void toBeContactedNeedsAnEmailAndTheProblemShowsBesideIt() throws Exception {
        services.on("GET", "/api/participation/profile", Response.json(PROFILE));
        services.on("PUT", "/api/participation/profile", Response.problem(400, "Bad Request", "invalid", "contactEmail",
                "to be contacted, give a contactEmail"));
        var bill = signedIn("bill", "Bill Turner", "CITIZEN");

        HtmlForm form = ((HtmlPage) bill.getPage(url("/profile"))).getFirstByXPath("//form[@data-testid='profile-form']");
        ((HtmlCheckBoxInput) form.getInputByName("contactable")).setChecked(true);
        HtmlPage refused = ((org.htmlunit.html.HtmlButton) form.getFirstByXPath(".//button")).click();

        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(refused.getElementById("contactEmail-error").asNormalizedText()).contains("To be contacted, give a contactEmail.");
        assertThat(((HtmlCheckBoxInput) refused.getElementById("contactable")).isChecked()).isTrue();
        assertThat(((org.htmlunit.html.HtmlInput) refused.getElementById("neighbourhood")).getValue()).isEqualTo("Eastfield");
    }

    @Test
    void staffAreAskedWhetherTheyLiveLocallyAndUseTheServices() throws Exception {
        var chen = signedIn("chen", "Chen Li", "STAFF");
        HtmlPage page = chen.getPage(url("/profile"));
        assertThat(page.asNormalizedText()).contains("I live in the area I work in").contains("I use the services I work in");
    }

    @Test
    void myActivityListsWhatIDidWithLinksToEachProposal() throws Exception {
        services.on("GET", "/api/participation/me/activity", Response.json("[{\"kind\":\"ENDORSEMENT\",\"proposalId\":\"" + PROPOSAL_ID
                + "\",\"workshopId\":null,\"text\":\"My grandson would learn here\",\"assetKind\":null,\"hoursPerMonth\":null,\"active\":true,"
                + "\"at\":\"2026-11-03T10:00:00Z\"},{\"kind\":\"PLEDGE\",\"proposalId\":\"" + PROPOSAL_ID + "\",\"workshopId\":null,"
                + "\"text\":\"Teaching soldering\",\"assetKind\":\"TIME\",\"hoursPerMonth\":6,\"active\":false,\"at\":\"2026-11-03T11:00:00Z\"}]"));
        var bill = signedIn("bill", "Bill Turner", "CITIZEN");

        HtmlPage page = bill.getPage(url("/activity"));

        assertThat(testId(page, "activity")).contains("Endorsed").contains("My grandson would learn here").contains("Pledged")
                .contains("withdrawn");
        assertThat(page.getAnchorByText("See the proposal").getHrefAttribute()).isEqualTo("/proposals/" + PROPOSAL_ID);
    }
}
