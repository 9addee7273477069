package org.roundtable.web.pages;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.roundtable.web.PageTest;
import org.roundtable.web.ServicesStub.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.web.Fixtures.PROPOSAL_ID;
import static org.roundtable.web.Fixtures.page;
import static org.roundtable.web.Fixtures.participation;
import static org.roundtable.web.Fixtures.proposal;
import static org.roundtable.web.Fixtures.summary;

class ProposalPagesTest extends PageTest {

    @Test
    void theListPassesSearchFilterAndPageToTheServiceAndLinksToEachProposal() throws Exception {
        services.on("GET", "/api/proposals", Response.json("{\"items\":[" + summary(PROPOSAL_ID, "Repair and make club", "SUBMITTED")
                + "],\"page\":1,\"size\":20,\"totalItems\":41,\"totalPages\":3}"));

        HtmlPage list = visitor().getPage(url("/proposals?q=repair&status=SUBMITTED&serviceArea=libraries&page=2"));

        assertThat(services.received("GET", "/api/proposals")).last().satisfies(request -> assertThat(request.query())
                .contains("page=1").contains("size=20").contains("status=SUBMITTED").contains("serviceArea=libraries").contains("q=repair"));
        assertThat(testId(list, "results")).contains("41 proposals found").contains("Repair and make club").contains("Page 2 of 3");
        assertThat(list.getAnchorByText("Repair and make club").getHrefAttribute()).isEqualTo("/proposals/" + PROPOSAL_ID);
        assertThat(list.getAnchorByText("Previous page").getHrefAttribute()).contains("page=1").contains("status=SUBMITTED");
        assertThat(list.getAnchorByText("Next page").getHrefAttribute()).contains("page=3").contains("q=repair");
    }

    @Test
    void aCappedCountIsShownAsMoreThanItAndTheNextPageIsOffered() throws Exception {
        services.on("GET", "/api/proposals", Response.json("{\"items\":[" + summary(PROPOSAL_ID, "Repair and make club", "SUBMITTED")
                + "],\"page\":0,\"size\":20,\"totalItems\":1000,\"totalPages\":50,\"totalItemsCapped\":true}"));

        HtmlPage list = visitor().getPage(url("/proposals?q=club"));

        assertThat(testId(list, "results")).contains("More than 1,000 proposals found").contains("Page 1 of more than 50")
                .doesNotContain("Page 1 of 50");
        assertThat(list.getAnchorByText("Next page").getHrefAttribute()).contains("page=2").contains("q=club");
    }

    @Test
    void theLastPageOffersNoNextPage() throws Exception {
        services.on("GET", "/api/proposals", Response.json("{\"items\":[" + summary(PROPOSAL_ID, "Repair and make club", "SUBMITTED")
                + "],\"page\":2,\"size\":20,\"totalItems\":41,\"totalPages\":3,\"totalItemsCapped\":false}"));

        HtmlPage list = visitor().getPage(url("/proposals?page=3"));

        assertThat(testId(list, "results")).contains("41 proposals found").contains("Page 3 of 3").doesNotContain("more than");
        assertThat(list.getAnchors()).noneMatch(anchor -> anchor.asNormalizedText().contains("Next page"));
        assertThat(list.getAnchorByText("Previous page").getHrefAttribute()).contains("page=2");
    }

    @Test
    void anUnknownStatusIsNotPassedOn() throws Exception {
        services.on("GET", "/api/proposals", Response.json(page()));
        HtmlPage list = visitor().getPage(url("/proposals?status=EVERYTHING"));
        assertThat(list.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(services.received("GET", "/api/proposals")).last().satisfies(request -> assertThat(request.query()).doesNotContain("status"));
        assertThat(testId(list, "results")).contains("No proposal matches");
    }

    @Test
    void aProposalsPageShowsWhatItBuildsOnWhoShapedItTheCommunitysSupportAndEveryRevisionsDifference() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.json(proposal("SUBMITTED", 2, "JOINED")));
        services.on("GET", "/api/participation/proposals/" + PROPOSAL_ID, Response.json(participation(2, "Bill Turner", "Resident 7f3a")));

        HtmlPage page = visitor().getPage(url("/proposals/" + PROPOSAL_ID));

        assertThat(page.getTitleText()).isEqualTo("Repair and make club – Roundtable");
        assertThat(testId(page, "status")).isEqualTo("Submitted");
        assertThat(testId(page, "assets")).contains("Skill").contains("Retired engineers who mend and teach").contains("Eastfield repair café");
        assertThat(testId(page, "ask-money")).isEqualTo("12,000.00 GBP");
        assertThat(testId(page, "co-designers")).contains("Amara Okafor started it").contains("Chen Li").contains("co-designer (staff)")
                .as("people by the names the services give them, never by login").doesNotContain("amara").doesNotContain("chen")
                .as("the author once, as the one who started it").doesNotContain("brings: author");
        assertThat(testId(page, "endorsement-count")).isEqualTo("2 people endorse this proposal");
        assertThat(testId(page, "endorsements")).contains("Bill Turner: My grandson would learn here").contains("Resident 7f3a");
        assertThat(testId(page, "pledge-totals")).contains("1 pledge, 6 hours a month of time");
        assertThat(testId(page, "workshop")).contains("What should the club make first?").contains("15 January 2030, 16:00, Eastfield library")
                .contains("Start with bicycle lights (Bill Turner)");
        assertThat(testId(page, "status-history")).contains("Draft");
        var revisions = page.querySelectorAll("[data-testid='revision']");
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).asNormalizedText()).contains("Revision 2").contains("by Chen Li as staff")
                .contains("Note: Room availability corrected").contains("Aspiration");
        assertThat(revisions.get(0).querySelector("ins").asNormalizedText()).isEqualTo("put in: and building");
        assertThat(revisions.get(0).querySelector("ins").asNormalizedText()).doesNotContain("Young people");
        assertThat(revisions.get(1).asNormalizedText()).contains("Revision 1").contains("The first version.");
        assertThat(page.asNormalizedText()).as("a visitor is offered sign-in, not forms").contains("Sign in to endorse")
                .doesNotContain("Endorse this proposal");
    }

    @Test
    void aDraftIsNotKnownToParticipationYetAndItsPageStillShows() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.json(proposal("DRAFT", 1, null)));

        HtmlPage page = amara().getPage(url("/proposals/" + PROPOSAL_ID));

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(testId(page, "endorsement-count")).isEqualTo("No one endorses this proposal yet");
        assertThat(testId(page, "invite-form")).contains("Invite someone to co-design");
        assertThat(page.getAnchorByText("Amend this proposal").getHrefAttribute()).isEqualTo("/proposals/" + PROPOSAL_ID + "/amend");
    }

    @Test
    void anUnknownProposalIsAPlainNotFoundPage() throws Exception {
        HtmlPage page = visitor().getPage(url("/proposals/" + PROPOSAL_ID));
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(page.asNormalizedText()).contains("Page not found").contains("check it is correct");
    }

    @Test
    void aProposalTheServicesRefuseToShowIsAPlainRefusal() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.problem(403, "Forbidden", "not yours", null, null));
        HtmlPage page = amara().getPage(url("/proposals/" + PROPOSAL_ID));
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(page.asNormalizedText()).contains("You cannot see this");
    }

    @Test
    void aTokenTheServicesNoLongerAcceptSendsThePersonToSignInAgainAndBack() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.problem(401, "Unauthorized", "expired", null, null));
        var amara = amara();
        amara.getOptions().setRedirectEnabled(false);
        var answer = amara.getPage(url("/proposals/" + PROPOSAL_ID));
        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(302);
        assertThat(answer.getWebResponse().getResponseHeaderValue("Location")).isEqualTo("/sign-in?next=%2Fproposals%2F" + PROPOSAL_ID);
    }
}
