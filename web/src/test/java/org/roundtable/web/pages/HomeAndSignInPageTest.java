package org.roundtable.web.pages;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.Test;
import org.roundtable.web.PageTest;
import org.roundtable.web.ServicesStub.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.web.Fixtures.page;
import static org.roundtable.web.Fixtures.summary;

class HomeAndSignInPageTest extends PageTest {

    @Test
    void aVisitorSeesOpenProposalsDecisionsAndInitiativesReadWithTheApplicationsOwnToken() throws Exception {
        services.on("GET", "/api/proposals", request -> switch (request.query().replaceAll(".*status=([A-Z_]+).*", "$1")) {
            case "SUBMITTED" -> Response.json(page(summary("a1", "Seed library", "SUBMITTED")));
            case "COMMISSIONED" -> Response.json(page(summary("a2", "Repair and make club", "COMMISSIONED")));
            default -> Response.json(page());
        });
        services.on("GET", "/api/outcomes/initiatives", Response.json(page("{\"id\":\"i1\",\"proposalId\":\"a2\",\"title\":\"Repair and make club\","
                + "\"serviceArea\":\"libraries\",\"status\":\"IN_DELIVERY\",\"funding\":{\"amount\":12000,\"currency\":\"GBP\"}}")));

        HtmlPage home = visitor().getPage(url("/"));

        assertThat(home.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(testId(home, "open-proposals")).contains("Seed library").contains("Submitted");
        assertThat(testId(home, "recent-decisions")).contains("Repair and make club").contains("Commissioned");
        assertThat(testId(home, "initiatives")).contains("Repair and make club").contains("Funded with 12,000 GBP");
        assertThat(home.asNormalizedText()).contains("Sign in").doesNotContain("acting as");
        assertThat(services.received("GET", "/api/proposals")).allSatisfy(request ->
                assertThat(request.header("Authorization")).isEqualTo("Bearer " + services.readerToken()));
        assertThat(home.getWebResponse().getResponseHeaderValue("Set-Cookie")).as("a visitor gets no session").isNull();
    }

    @Test
    void oneServiceDownLeavesTheRestOfTheHomePageReadable() throws Exception {
        services.on("GET", "/api/proposals", Response.json(page(summary("a1", "Seed library", "SUBMITTED"))));
        services.on("GET", "/api/outcomes/initiatives", Response.problem(503, "Service Unavailable", "down", null, null));

        HtmlPage home = visitor().getPage(url("/"));

        assertThat(home.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(testId(home, "open-proposals")).contains("Seed library");
        assertThat(testId(home, "initiatives")).contains("This cannot be shown just now");
    }

    @Test
    void aPageThatNeedsSignInSendsAVisitorToTheGuardedLandingAndBack() throws Exception {
        WebClient visitor = visitor();
        visitor.getOptions().setRedirectEnabled(false);

        Page profile = visitor.getPage(url("/profile"));
        assertThat(profile.getWebResponse().getStatusCode()).isEqualTo(303);
        assertThat(profile.getWebResponse().getResponseHeaderValue("Location")).isEqualTo("/sign-in?next=%2Fprofile");

        Page landing = visitor.getPage(url("/sign-in?next=%2Fprofile"));
        assertThat(landing.getWebResponse().getResponseHeaderValue("Location")).as("the gateway's own login")
                .isEqualTo("/oauth2/authorization/roundtable");
    }

    @Test
    void afterSignInAPersonWithOneRoleGoesBackToWhereTheyWereButNeverToAnotherSite() throws Exception {
        WebClient amara = amara();
        amara.getOptions().setRedirectEnabled(false);

        assertThat(amara.getPage(url("/sign-in?next=%2Fproposals%3Fstatus%3DDRAFT")).getWebResponse().getResponseHeaderValue("Location"))
                .isEqualTo("/proposals?status=DRAFT");
        assertThat(amara.getPage(url("/sign-in?next=%2F%2Fevil.example")).getWebResponse().getResponseHeaderValue("Location"))
                .isEqualTo("/");
        assertThat(amara.getPage(url("/sign-in?next=https%3A%2F%2Fevil.example")).getWebResponse().getResponseHeaderValue("Location"))
                .isEqualTo("/");
    }

    @Test
    void aPersonWithSeveralRolesChoosesOneEveryPageShowsItAndTheServicesAreToldIt() throws Exception {
        services.on("GET", "/api/proposals", Response.json(page()));
        services.on("GET", "/api/outcomes/initiatives", Response.json(page()));
        WebClient chen = signedIn("chen", "Chen Li", "STAFF", "CITIZEN");

        HtmlPage choose = chen.getPage(url("/sign-in?next=%2F"));
        assertThat(choose.getUrl().getPath()).isEqualTo("/role");
        HtmlPage refused = choose.getForms().get(1).getButtonByName("").click();
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(testId(refused, "error-summary")).contains("Choose one of your roles");

        HtmlForm form = refused.getForms().get(1);
        ((HtmlRadioButtonInput) refused.getElementById("role-STAFF")).setChecked(true);
        HtmlPage home = form.getButtonByName("").click();

        assertThat(home.getUrl().getPath()).isEqualTo("/");
        assertThat(testId(home, "acting-role")).isEqualTo("Signed in as Chen Li, acting as staff");
        assertThat(services.received("GET", "/api/proposals")).last().satisfies(request ->
                assertThat(request.header("X-Acting-Role")).isEqualTo("STAFF"));
    }

    @Test
    void aRoleTheTokenDoesNotGrantIsRefused() throws Exception {
        WebClient amara = amara();
        HtmlPage choose = amara.getPage(url("/role?next=%2F"));
        HtmlForm form = choose.getForms().get(1);
        form.getInputByName("role").setValue("COMMISSIONER");
        ((HtmlRadioButtonInput) form.getInputByName("role")).setChecked(true);
        HtmlPage after = form.getButtonByName("").click();
        assertThat(testId(after, "error-summary")).contains("Choose one of your roles");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenChangesNothingAndGoesBackThroughSignIn() throws Exception {
        WebClient amara = amara();
        amara.getOptions().setRedirectEnabled(false);
        org.htmlunit.WebRequest post = new org.htmlunit.WebRequest(new java.net.URL(url("/proposals/" + org.roundtable.web.Fixtures.PROPOSAL_ID
                + "/endorsement")), org.htmlunit.HttpMethod.POST);
        post.setAdditionalHeader("Referer", url("/proposals/" + org.roundtable.web.Fixtures.PROPOSAL_ID));
        post.setRequestBody("reason=forged");

        Page answer = amara.getPage(post);

        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(303);
        assertThat(answer.getWebResponse().getResponseHeaderValue("Location"))
                .isEqualTo("/sign-in?next=%2Fproposals%2F" + org.roundtable.web.Fixtures.PROPOSAL_ID);
        assertThat(services.received("POST", "/api/participation/proposals/" + org.roundtable.web.Fixtures.PROPOSAL_ID + "/endorsements")).isEmpty();
    }

}
