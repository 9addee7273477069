package org.roundtable.web.pages;

import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.roundtable.web.PageTest;
import org.roundtable.web.ServicesStub.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.web.Fixtures.PROPOSAL_ID;
import static org.roundtable.web.Fixtures.WORKSHOP_ID;
import static org.roundtable.web.Fixtures.participation;
import static org.roundtable.web.Fixtures.proposal;

/** Co-design, endorsements, pledges and workshops on a proposal's page, without JavaScript. */
class ParticipationActionsTest extends PageTest {

    private static final String PARTICIPATION = "/api/participation/proposals/" + PROPOSAL_ID;

    @Test
    void anEndorsementWithAReasonIsSentAndThePageShowsItOnceTheReadSideHasIt() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.json(proposal("SUBMITTED", 1, "JOINED")));
        services.onAfter("GET", PARTICIPATION, 3, Response.json(participation(1, "Amara Okafor")),
                Response.json(participation(2, "Amara Okafor", "Bill Turner")));
        services.on("POST", PARTICIPATION + "/endorsements", Response.status(204));
        var bill = signedIn("bill", "Bill Turner", "CITIZEN");

        HtmlPage page = bill.getPage(url("/proposals/" + PROPOSAL_ID));
        HtmlForm endorse = page.getFirstByXPath("//form[@data-testid='endorse-form']");
        endorse.getTextAreaByName("reason").setText("My grandson would learn here");
        HtmlPage after = endorse.getButtonByName("").click();

        assertThat(after.getUrl().toString()).endsWith("/proposals/" + PROPOSAL_ID);
        assertThat(testId(after, "done")).contains("your endorsement is recorded");
        assertThat(testId(after, "endorsement-count")).isEqualTo("2 people endorse this proposal");
        assertThat(services.received("POST", PARTICIPATION + "/endorsements").get(0).body()).contains("My grandson would learn here");
    }

    @Test
    void eachRenderingOfAFormCarriesItsOwnIdempotencyKeySoSendingItTwiceIsAnsweredAsOnce() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.json(proposal("SUBMITTED", 1, "JOINED")));
        services.onAfter("GET", PARTICIPATION, 3, Response.json(participation(1, "Amara Okafor")),
                Response.json(participation(2, "Amara Okafor", "Bill Turner")));
        services.on("POST", PARTICIPATION + "/endorsements", Response.status(204));
        var bill = signedIn("bill", "Bill Turner", "CITIZEN");

        HtmlPage page = bill.getPage(url("/proposals/" + PROPOSAL_ID));
        HtmlForm endorse = page.getFirstByXPath("//form[@data-testid='endorse-form']");
        String key = endorse.getInputByName("idempotencyKey").getValue();
        endorse.getButtonByName("").click();
        HtmlPage after = endorse.getButtonByName("").click();

        assertThat(key).matches("[0-9a-f-]{36}");
        assertThat(services.received("POST", PARTICIPATION + "/endorsements")).hasSize(2)
                .allSatisfy(sent -> assertThat(sent.header("Idempotency-Key")).isEqualTo(key));
        HtmlForm next = after.getFirstByXPath("//form[@data-testid='endorse-form']");
        assertThat(next.getInputByName("idempotencyKey").getValue()).as("a new rendering, a new key").isNotEqualTo(key);
    }

    @Test
    void aFormSentAgainWhileTheFirstIsStillBeingCarriedOutGoesToThePageAsTheFirstWill() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.json(proposal("SUBMITTED", 1, "JOINED")));
        services.onAfter("GET", PARTICIPATION, 2, Response.json(participation(1, "Amara Okafor")),
                Response.json(participation(2, "Amara Okafor", "Bill Turner")));
        services.on("POST", PARTICIPATION + "/endorsements", Response.problem(409, "Request in progress",
                "a request with this Idempotency-Key is still being carried out", null, null));
        var bill = signedIn("bill", "Bill Turner", "CITIZEN");

        HtmlPage page = bill.getPage(url("/proposals/" + PROPOSAL_ID));
        HtmlPage after = ((HtmlForm) page.getFirstByXPath("//form[@data-testid='endorse-form']")).getButtonByName("").click();

        assertThat(after.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat((Object) after.querySelector("[data-testid='error-summary']")).isNull();
        assertThat(testId(after, "endorsement-count")).isEqualTo("2 people endorse this proposal");
    }

    @Test
    void whenTheReadSideIsSlowThePageSaysBeingRecordedAndRefreshesItselfUntilItShows() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.json(proposal("SUBMITTED", 1, "JOINED")));
        services.on("GET", PARTICIPATION, Response.json(participation(1, "Amara Okafor")));
        services.on("POST", PARTICIPATION + "/endorsements", Response.status(204));
        var bill = signedIn("bill", "Bill Turner", "CITIZEN");

        HtmlPage page = bill.getPage(url("/proposals/" + PROPOSAL_ID));
        HtmlForm endorse = page.getFirstByXPath("//form[@data-testid='endorse-form']");
        HtmlPage recording = endorse.getButtonByName("").click();

        assertThat(recording.getUrl().getQuery()).startsWith("recording=");
        assertThat(testId(recording, "recording")).contains("being recorded").contains("update itself");
        String refresh = recording.querySelector("meta[http-equiv='refresh']").getAttributes().getNamedItem("content").getNodeValue();
        assertThat(refresh).startsWith("2;url=/proposals/" + PROPOSAL_ID + "?recording=").endsWith("&tries=1");

        services.on("GET", PARTICIPATION, Response.json(participation(2, "Amara Okafor", "Bill Turner")));
        HtmlPage caughtUp = bill.getPage(url(refresh.substring("2;url=".length())));
        assertThat((Object) caughtUp.querySelector("[data-testid='recording']")).as("no banner once the change shows").isNull();
        assertThat((Object) caughtUp.querySelector("meta[http-equiv='refresh']")).isNull();
        assertThat(testId(caughtUp, "endorsement-count")).isEqualTo("2 people endorse this proposal");
    }

    @Test
    void aSubmittedProposalParticipationHasNotHeardOfYetSaysSoAndLooksAgainInsteadOfOfferingFormsThatWouldFail() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.json(proposal("SUBMITTED", 1, "JOINED")));
        var bill = signedIn("bill", "Bill Turner", "CITIZEN");

        HtmlPage page = bill.getPage(url("/proposals/" + PROPOSAL_ID));

        assertThat(testId(page, "recording")).contains("Endorsements, pledges and workshops are opening");
        assertThat((Object) page.getFirstByXPath("//form[@data-testid='endorse-form']")).isNull();
        assertThat(page.querySelector("meta[http-equiv='refresh']").getAttributes().getNamedItem("content").getNodeValue())
                .isEqualTo("2;url=/proposals/" + PROPOSAL_ID + "?tries=1");

        services.on("GET", PARTICIPATION, Response.json(participation(0)));
        HtmlPage open = bill.getPage(url("/proposals/" + PROPOSAL_ID + "?tries=1"));
        assertThat((Object) open.querySelector("[data-testid='recording']")).isNull();
        assertThat((Object) open.getFirstByXPath("//form[@data-testid='endorse-form']")).isNotNull();
    }

    @Test
    void aSecondEndorsementIsRefusedInPlainWordsWithTheReasonKept() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.json(proposal("SUBMITTED", 1, "JOINED")));
        services.on("GET", PARTICIPATION, Response.json(participation(1, "Bill Turner")));
        services.on("POST", PARTICIPATION + "/endorsements", Response.problem(409, "Conflict", "bill endorses this proposal already", null, null));
        var bill = signedIn("bill", "Bill Turner", "CITIZEN");

        HtmlPage page = bill.getPage(url("/proposals/" + PROPOSAL_ID));
        HtmlForm endorse = page.getFirstByXPath("//form[@data-testid='endorse-form']");
        endorse.getTextAreaByName("reason").setText("Still true");
        String key = endorse.getInputByName("idempotencyKey").getValue();
        HtmlPage refused = endorse.getButtonByName("").click();
        HtmlForm again = refused.getFirstByXPath("//form[@data-testid='endorse-form']");
        assertThat(again.getInputByName("idempotencyKey").getValue()).as("corrected, it is a new request").isNotEqualTo(key);

        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(409);
        assertThat(testId(refused, "error-summary")).contains("This cannot be done now, in the state it is in. Bill endorses this proposal already.");
        assertThat(refused.getElementById("reason").getTextContent()).isEqualTo("Still true");
    }

    @Test
    void aPledgeNamesItsFieldsProblemsBesideThemAndHoursMustBeANumber() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.json(proposal("SUBMITTED", 1, "JOINED")));
        services.on("GET", PARTICIPATION, Response.json(participation(0)));
        services.on("POST", PARTICIPATION + "/pledges", Response.problem(400, "Bad Request", "invalid", "description", "description must not be blank"));
        var bill = signedIn("bill", "Bill Turner", "CITIZEN");

        HtmlPage page = bill.getPage(url("/proposals/" + PROPOSAL_ID));
        HtmlForm pledge = page.getFirstByXPath("//form[@data-testid='pledge-form']");
        pledge.getSelectByName("kind").setSelectedAttribute("TIME", true);
        pledge.getInputByName("hoursPerMonth").setValue("six");
        HtmlPage notANumber = pledge.getButtonByName("").click();
        assertThat(notANumber.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(notANumber.asNormalizedText()).contains("Give the hours as a whole number");
        assertThat(services.received("POST", PARTICIPATION + "/pledges")).isEmpty();

        HtmlForm again = notANumber.getFirstByXPath("//form[@data-testid='pledge-form']");
        assertThat(again.getSelectByName("kind").getSelectedOptions().get(0).getValueAttribute()).isEqualTo("TIME");
        again.getInputByName("hoursPerMonth").setValue("6");
        HtmlPage refused = again.getButtonByName("").click();
        assertThat(refused.getElementById("description-error").asNormalizedText()).contains("Description must not be blank.");
        assertThat(services.received("POST", PARTICIPATION + "/pledges").get(0).body()).contains("\"kind\":\"TIME\"").contains("\"hoursPerMonth\":6");
    }

    @Test
    void anInvitedPersonAcceptsSayingWhatTheyBring() throws Exception {
        services.onAfter("GET", "/api/proposals/" + PROPOSAL_ID, 2, Response.json(proposal("DRAFT", 1, "INVITED")),
                Response.json(proposal("DRAFT", 1, "JOINED")));
        services.on("POST", "/api/proposals/" + PROPOSAL_ID + "/co-designers", Response.status(204));
        var chen = signedIn("chen", "Chen Li", "STAFF");

        HtmlPage page = chen.getPage(url("/proposals/" + PROPOSAL_ID));
        HtmlForm join = page.getFirstByXPath("//form[@data-testid='join-form']");
        join.getInputByName("brings").setValue("Knowledge of the rooms");
        HtmlPage joined = join.getButtonByName("").click();

        assertThat(testId(joined, "done")).contains("You are now a co-designer");
        assertThat((Object) joined.getFirstByXPath("//form[@data-testid='join-form']")).isNull();
        assertThat(services.received("POST", "/api/proposals/" + PROPOSAL_ID + "/co-designers").get(0).header("X-Acting-Role")).isEqualTo("STAFF");
    }

    @Test
    void aWorkshopIsScheduledAtTheTimeTypedAndAWrongTimeIsRefusedHere() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.json(proposal("SUBMITTED", 1, "JOINED")));
        services.on("GET", PARTICIPATION, Response.json(participation(0)));
        services.on("POST", PARTICIPATION + "/workshops", Response.created(WORKSHOP_ID));

        HtmlPage page = amara().getPage(url("/proposals/" + PROPOSAL_ID));
        HtmlForm schedule = page.getFirstByXPath("//form[@data-testid='workshop-form']");
        schedule.getInputByName("title").setValue("What should the club make first?");
        schedule.getInputByName("startsAt").setValue("next tuesday");
        HtmlPage refused = schedule.getButtonByName("").click();
        assertThat(refused.getElementById("startsAt-error").asNormalizedText()).contains("Give the date and time");
        assertThat(((org.htmlunit.html.HtmlInput) refused.getElementById("workshop-title")).getValue()).isEqualTo("What should the club make first?");

        HtmlForm again = refused.getFirstByXPath("//form[@data-testid='workshop-form']");
        again.getInputByName("startsAt").setValue("2030-01-15T16:00");
        again.getInputByName("place").setValue("Eastfield library");
        again.getButtonByName("").click();
        assertThat(services.received("POST", PARTICIPATION + "/workshops").get(0).body())
                .contains("\"startsAt\":\"2030-01-15T16:00:00Z\"").contains("\"place\":\"Eastfield library\"");
    }

    @Test
    void registeringRecordingAttendanceAndAnIdeaGoToTheWorkshop() throws Exception {
        services.on("GET", "/api/proposals/" + PROPOSAL_ID, Response.json(proposal("SUBMITTED", 1, "JOINED")));
        services.on("GET", PARTICIPATION, Response.json(participation(0)));
        services.on("POST", PARTICIPATION + "/workshops/" + WORKSHOP_ID + "/registrations", Response.status(204));
        services.on("POST", PARTICIPATION + "/workshops/" + WORKSHOP_ID + "/attendance", Response.status(204));
        services.on("POST", PARTICIPATION + "/workshops/" + WORKSHOP_ID + "/contributions", Response.created("c1"));

        HtmlPage page = amara().getPage(url("/proposals/" + PROPOSAL_ID));
        ((HtmlForm) page.getFirstByXPath("//form[contains(@action,'/registration')]")).getButtonByName("").click();
        HtmlForm attendance = page.getFirstByXPath("//form[contains(@action,'/attendance')]");
        attendance.getInputByName("participantId").setValue("bill");
        attendance.getButtonByName("").click();
        HtmlForm idea = page.getFirstByXPath("//form[contains(@action,'/ideas')]");
        idea.getInputByName("idea").setValue("Start with bicycle lights");
        idea.getButtonByName("").click();

        assertThat(services.received("POST", PARTICIPATION + "/workshops/" + WORKSHOP_ID + "/registrations")).hasSize(1);
        assertThat(services.received("POST", PARTICIPATION + "/workshops/" + WORKSHOP_ID + "/attendance").get(0).body()).contains("\"participantId\":\"bill\"");
        assertThat(services.received("POST", PARTICIPATION + "/workshops/" + WORKSHOP_ID + "/contributions").get(0).body())
                .contains("Start with bicycle lights");
    }

    @Test
    void submittingAndWithdrawingAnEndorsementAreOneButtonEach() throws Exception {
        services.onAfter("GET", "/api/proposals/" + PROPOSAL_ID, 2, Response.json(proposal("DRAFT", 1, "JOINED")),
                Response.json(proposal("SUBMITTED", 1, "JOINED")));
        services.on("GET", PARTICIPATION, Response.json(participation(1, "Amara Okafor")));
        services.on("POST", "/api/proposals/" + PROPOSAL_ID + "/submission", Response.status(204));
        services.on("DELETE", PARTICIPATION + "/endorsements/mine", Response.status(204));

        HtmlPage draft = amara().getPage(url("/proposals/" + PROPOSAL_ID));
        HtmlPage submitted = ((HtmlForm) draft.getFirstByXPath("//form[contains(@action,'/submission')]")).getButtonByName("").click();
        assertThat(testId(submitted, "status")).isEqualTo("Submitted");
        assertThat(testId(submitted, "done")).contains("submitted to commissioners");

        ((HtmlForm) submitted.getFirstByXPath("//form[contains(@action,'/endorsement/withdrawal')]")).getButtonByName("").click();
        assertThat(services.received("DELETE", PARTICIPATION + "/endorsements/mine")).hasSize(1);
    }
}
