package org.roundtable.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.identity.DemoLogin;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's tour for citizens and staff, in a real Chromium through the gateway with real sign-in on the local
 * authorization server: Amara drafts a proposal framed by assets and invites Chen; Chen, acting as staff, joins and
 * amends it; Amara submits it and schedules a workshop; Bill endorses it, pledges time and registers; Amara records
 * his attendance and an idea. Then the commissioners' part: Dana creates a fund held with Eli, reads what the panel
 * knows and assembles the panel; Farah declares an interest, is recused for everyone to see, and her vote is refused;
 * Eli's vote without a rationale is refused, then he votes and changes his vote; Bill votes as the citizen member; Dana
 * closes with an allocation, assigns Green Shoots CIC and defines the indicator; Green Shoots reports progress and Bill
 * his lived experience, charted against the baseline and the target. Each step is checked against the services' APIs.
 * Each person has a browser of their own. Every page on the way is checked with axe-core
 * (WCAG 2.2 AA): no serious or critical violation anywhere. Screenshots of the main pages go to
 * {@code target/screenshots}. The steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@ExtendWith(SharedPlatform.class)
class WebJourneyIT {

    private static final String TITLE = "Repair and make club at Eastfield library";
    private static String gateway;
    private static Browser amara;
    private static Browser chen;
    private static Browser bill;
    private static String proposalPath;
    private static final String FUND = "Eastfield libraries fund";
    private static Browser dana;
    private static Browser farah;
    private static Browser eli;
    private static Browser greenShoots;
    private static String fundId;
    private static String caseId;
    private static String initiativeId;
    private static final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    static void platform(LocalStack stack) {
        gateway = stack.ports().gatewayUrl();
    }

    @org.junit.jupiter.api.BeforeEach
    void stopAtTheFirstFailedStep() {
        org.junit.jupiter.api.Assumptions.assumeTrue(!failed, "an earlier step failed: the later ones build on it");
    }

    private static boolean failed;

    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.junit.jupiter.api.extension.TestWatcher STEPS = new org.junit.jupiter.api.extension.TestWatcher() {
        @Override
        public void testFailed(org.junit.jupiter.api.extension.ExtensionContext step, Throwable cause) {
            failed = true;
        }
    };

    @AfterAll
    static void closeBrowsers() {
        List<String> violations = new ArrayList<>();
        browsers.forEach(browser -> violations.addAll(browser.violations));
        browsers.forEach(Browser::close);
        assertThat(violations).as("serious or critical accessibility violations (WCAG 2.2 AA)").isEmpty();
    }

    /** The services' own answer, as that person reads it through the gateway. */
    private static GatewayClient api(String who) {
        return apis.computeIfAbsent(who, person -> new GatewayClient(gateway,
                new DemoLogin(SharedPlatform.PORTS.issuer()).accessToken(person, DemoJourney.PASSWORD), null));
    }

    private static final java.util.Map<String, GatewayClient> apis = new java.util.HashMap<>();

    private static boolean chenConsentsToBeNamed() {
        try {
            return api("chen").get("/api/participation/profile").path("namedPublicly").asBoolean();
        } catch (GatewayClient.UnexpectedResponse noProfileYet) {
            return false;
        }
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        return null;
    }

    /** What one member did on the case, in order. */
    private static List<String> kinds(JsonNode timeline, String actor) {
        List<String> kinds = new ArrayList<>();
        timeline.forEach(entry -> {
            if (actor.equals(entry.path("actorId").asText())) {
                kinds.add(entry.path("kind").asText());
            }
        });
        return kinds;
    }

    private static Browser browser() {
        Browser browser = new Browser(gateway);
        browsers.add(browser);
        return browser;
    }

    @Test
    @Order(1)
    void aVisitorSeesWhatIsHappeningWithoutSigningIn() {
        Browser visitor = browser().open("/");
        assertThat(visitor.text("h1")).isEqualTo("What is happening now");
        assertThat(visitor.pageText()).contains("Open proposals").contains("Recent decisions").contains("Initiatives under way")
                .contains("Sign in").doesNotContain("acting as");
        visitor.check("home");
        visitor.open("/proposals").check("proposals-visitor");
        visitor.close();
        browsers.remove(visitor);
    }

    @Test
    @Order(2)
    void amaraSignsInAndSaysWhoSheIs() {
        amara = browser().open("/");
        amara.clickLink("Sign in").logIn("amara").waitForPath("/");
        assertThat(amara.text("[data-testid=acting-role]")).isEqualTo("Signed in as Amara Okafor, acting as citizen");

        amara.clickLink("My profile").waitForPath("/profile");
        amara.type("#displayName", "Amara Okafor").type("#neighbourhood", "Eastfield");
        amara.tick("namedPublicly");
        amara.check("profile");
        amara.clickButton("Save my profile").waitForText("Your profile is saved");
    }

    @Test
    @Order(3)
    void amaraDraftsAProposalAssetsFirstWithFramingGuidanceAsSheTypes() {
        amara.clickLink("Draft a proposal").waitForPath("/proposals/new");
        amara.choose("#assets-0-kind", "SKILL").type("#assets-0-description", "Retired engineers who mend and teach")
                .type("#assets-0-holder", "Eastfield repair café");
        amara.clickButton("Add another asset").waitForText("Asset 2");
        assertThat(amara.find("#assets-0-description").getAttribute("value")).isEqualTo("Retired engineers who mend and teach");
        amara.choose("#assets-1-kind", "PLACE").type("#assets-1-description", "The community room, free on weekday afternoons")
                .type("#assets-1-holder", "Eastfield library");
        amara.type("#title", TITLE)
                .type("#aspiration", "Young people who lack things to do, repairing and building things with retired makers");
        amara.waitForText("You wrote");
        assertThat(amara.text("[data-testid=framing]")).contains("Advice only");
        amara.type("#aspiration", "Young people and retired makers repairing and building things together, at their library");
        amara.type("#serviceArea", "libraries").type("#intendedOutcomes", "Young people gain practical skills and confidence")
                .type("#askAmount", "12000").type("#otherResources", "Tools and safety equipment");
        amara.check("draft");
        amara.clickButton("Save the draft").waitForText("Your draft is saved");
        proposalPath = amara.path();
        assertThat(amara.text("h1")).isEqualTo(TITLE);
        assertThat(amara.text("[data-testid=status]")).isEqualTo("Draft");
        assertThat(amara.text("[data-testid=assets]")).contains("Retired engineers who mend and teach").contains("Eastfield library");

        amara.type("#inviteeId", "chen").clickButton("Send the invitation").waitForText("The invitation is sent");
        // on a stack where the demo journey already ran, Chen has consented to be named; on a fresh one he has no profile yet
        boolean chenIsNamed = chenConsentsToBeNamed();
        assertThat(amara.text("[data-testid=co-designers]")).as("Chen by his name only with his consent, otherwise by pseudonym; never by login")
                .contains(chenIsNamed ? "Chen Li" : "Neighbour ").contains("invited").doesNotContain("chen");
    }

    @Test
    @Order(4)
    void chenChoosesToActAsStaffJoinsAndAmends() {
        chen = browser().open(proposalPath);
        chen.clickLink("Sign in to endorse, pledge or join a workshop.").logIn("chen").waitForPath("/role");
        chen.check("role");
        chen.tick("role-STAFF").clickButton("Continue").waitForPath(proposalPath);
        assertThat(chen.text("[data-testid=acting-role]")).isEqualTo("Signed in as Chen Li, acting as staff");

        chen.type("#brings", "Knowledge of the rooms and safeguarding").clickButton("Accept and join")
                .waitForText("You are now a co-designer");
        chen.clickLink("Amend this proposal").waitForPath(proposalPath + "/amend");
        chen.check("amend-form");
        chen.type("#aspiration", "Young people and retired makers repairing and building things together, at their library on weekday afternoons");
        chen.choose("#assets-2-kind", "KNOWLEDGE").type("#assets-2-description", "Safeguarding and the room bookings")
                .type("#assets-2-holder", "Library staff");
        chen.type("#note", "Room availability corrected");
        chen.clickButton("Save this revision").waitForText("Your revision is saved");
        assertThat(chen.text("[data-testid=revision]")).contains("Revision 2")
                .contains(chenConsentsToBeNamed() ? "by Chen Li as staff" : "by chen as staff")
                .contains("Note: Room availability corrected").contains("on weekday afternoons");
        assertThat(chen.find("[data-testid=revision] ins").getText()).contains("on weekday afternoons");
        chen.check("proposal-amended");
    }

    @Test
    @Order(5)
    void amaraSubmitsItAndSchedulesAWorkshop() {
        amara.open(proposalPath).clickButton("Submit the proposal").waitForText("submitted to commissioners");
        assertThat(amara.text("[data-testid=status]")).isIn("Submitted", "Under decision");
        // participation opens endorsements when it hears of the submission; the page refreshes itself until then
        amara.find("[data-testid=workshop-form]");
        amara.type("#workshop-title", "What should the club make first?").setValue("#startsAt", "2030-01-15T16:00")
                .type("#place", "Eastfield library").clickButton("Schedule").waitForText("The workshop is scheduled");
        assertThat(amara.text("[data-testid=workshop]")).contains("What should the club make first?").contains("15 January 2030, 16:00");
    }

    @Test
    @Order(6)
    void billEndorsesPledgesTimeAndRegisters() {
        bill = browser().open("/");
        bill.clickLink("Sign in").logIn("bill").waitForPath("/");
        bill.clickLink("My profile").type("#displayName", "Bill Turner").type("#neighbourhood", "Eastfield");
        bill.tick("namedPublicly");
        bill.clickButton("Save my profile").waitForText("Your profile is saved");

        bill.open(proposalPath).type("#reason", "My grandson would learn here").clickButton("Endorse")
                .waitForText("your endorsement is recorded");
        assertThat(bill.text("[data-testid=endorsement-count]")).isEqualTo("1 person endorses this proposal");
        assertThat(bill.text("[data-testid=endorsements]")).contains("Bill Turner: My grandson would learn here");

        bill.choose("#kind", "TIME").type("#description", "Teaching soldering").type("#hoursPerMonth", "6")
                .clickButton("Pledge").waitForText("your pledge is recorded");
        assertThat(bill.text("[data-testid=pledge-totals]")).contains("6 hours a month");
        bill.clickButton("Register").waitForText("You are registered");
        assertThat(bill.text("[data-testid=workshop]")).contains("1 registered");
        bill.check("proposal");
    }

    @Test
    @Order(7)
    void amaraRecordsAttendanceAndAnIdea() {
        amara.open(proposalPath).type("[data-testid=workshop] input[name=participantId]", "bill").clickButton("Record attendance")
                .waitForText("Attendance is recorded");
        amara.type("[data-testid=workshop] input[name=idea]", "Start with bicycle lights").clickButton("Record the idea")
                .waitForText("The idea is recorded");
        assertThat(amara.text("[data-testid=workshop]")).contains("1 attended").contains("Start with bicycle lights");
    }

    @Test
    @Order(8)
    void danaCreatesAFundHeldWithEli() {
        dana = browser().open("/");
        dana.clickLink("Sign in").logIn("dana").waitForPath("/");
        dana.clickLink("Funds").waitForPath("/funds");
        dana.check("funds");
        dana.type("#name", FUND).type("#serviceArea", "libraries").setValue("#periodStart", "2026-01-01")
                .setValue("#periodEnd", "2026-12-31").type("#amount", "50000").type("#holderIds", "dana, eli");
        dana.clickButton("Create the fund").waitForText("The fund is created");
        fundId = dana.path().substring("/funds/".length());
        assertThat(dana.text("[data-testid=holders]")).isEqualTo("dana, eli");
        assertThat(dana.text("[data-testid=remaining]")).isEqualTo("50,000.00 GBP");
        dana.check("fund");

        JsonNode fund = api("dana").get("/api/commissioning/funds/" + fundId);
        assertThat(fund.path("name").asText()).isEqualTo(FUND);
        assertThat(fund.path("holderIds").toString()).isEqualTo("[\"dana\",\"eli\"]");
        assertThat(new BigDecimal(fund.path("remaining").asText())).isEqualByComparingTo("50000");
    }

    @Test
    @Order(9)
    void danaReadsWhatThePanelKnowsAndAssemblesThePanel() {
        String proposalId = proposalPath.substring("/proposals/".length());
        JsonNode cases = api("dana").await("/api/commissioning/cases", Duration.ofSeconds(60), "the case of the proposal",
                all -> find(all, "proposalId", proposalId) != null);
        caseId = find(cases, "proposalId", proposalId).path("caseId").asText();
        dana.clickLink("Decision cases").waitForPath("/cases");
        dana.check("cases");
        dana.open("/cases/" + caseId).waitForText("What the panel knows");
        assertThat(dana.text("[data-testid=case-state]")).isEqualTo("Waiting for a panel");
        assertThat(dana.text("[data-testid=as-submitted]")).contains("at their library on weekday afternoons");
        assertThat(dana.text("[data-testid=case-endorsements]")).contains("Bill Turner: My grandson would learn here");
        assertThat(dana.text("[data-testid=case-pledges]")).contains("Teaching soldering");
        assertThat(dana.text("[data-testid=case-ideas]")).contains("Start with bicycle lights");
        dana.check("case-before-panel");

        dana.choose("#fundId", fundId).type("#commissioners", "dana, eli, farah").type("#citizens", "bill")
                .setValue("#deadline", "2030-01-31T17:00");
        dana.clickButton("Assemble the panel").waitForText("The panel is assembled");
        assertThat(dana.text("[data-testid=panel-terms]")).contains("Chaired by Dana Reeves").contains(FUND);
        assertThat(dana.text("[data-testid=rules]")).contains("Quorum is a majority");

        JsonNode decisionCase = api("dana").get("/api/commissioning/cases/" + caseId);
        assertThat(decisionCase.path("status").asText()).isEqualTo("ASSEMBLED");
        assertThat(decisionCase.path("fundId").asText()).isEqualTo(fundId);
        assertThat(decisionCase.path("chairId").asText()).isEqualTo("dana");
    }

    @Test
    @Order(10)
    void farahDeclaresAnInterestIsRecusedForAllToSeeAndHerVoteIsRefused() {
        farah = browser().open("/");
        farah.clickLink("Sign in").logIn("farah").waitForPath("/");
        farah.open("/cases/" + caseId).tick("hasInterest-true").type("#description", "My partner volunteers at the repair café");
        farah.clickButton("Declare").waitForText("Your declaration is recorded");
        assertThat(farah.text("[data-testid=recused]")).isEqualTo("Recused: My partner volunteers at the repair café");
        assertThat(farah.text("[data-testid=you-are-recused]")).contains("You declared an interest and are recused");

        farah.tick("vote").type("#rationale", "I know how much good it does");
        farah.clickButton("Record my vote").waitForText("There is a problem");
        assertThat(farah.text("[data-testid=error-summary]")).contains("You declared an interest and are recused from this case");
        farah.check("case-recused-vote-refused");

        JsonNode timeline = api("dana").get("/api/commissioning/cases/" + caseId).path("timeline");
        assertThat(kinds(timeline, "farah")).containsExactly("RECUSED");
    }

    @Test
    @Order(11)
    void thePanelDeclaresAndVotesWithRationalesAndEliChangesHisVote() {
        dana.open("/cases/" + caseId).tick("hasInterest").clickButton("Declare").waitForText("Your declaration is recorded");
        assertThat(dana.text("[data-testid=recused]")).as("everyone sees Farah's recusal").contains("Recused");
        dana.tick("vote").type("#rationale", "Built on skills and a place the community already has");
        dana.clickButton("Record my vote").waitForText("Your vote is recorded");

        eli = browser().open("/");
        eli.clickLink("Sign in").logIn("eli").waitForPath("/");
        eli.open("/cases/" + caseId).tick("hasInterest").clickButton("Declare").waitForText("Your declaration is recorded");
        eli.tick("vote-REJECT").clickButton("Record my vote").waitForText("There is a problem");
        assertThat(eli.find("#rationale-error").getText()).as("a vote without rationale").isNotBlank();
        eli.check("case-vote-without-rationale");
        eli.type("#rationale", "Too few afternoons in the room").clickButton("Record my vote").waitForText("Your vote is recorded");
        eli.tick("vote").type("#rationale", "The room plan answers my doubt").clickButton("Record my vote").waitForText("Your vote is recorded");
        assertThat(eli.text("[data-testid=votes]")).contains("Reject").contains("changed later").contains("Approve (changed from Reject)")
                .contains("The room plan answers my doubt");

        bill.open("/cases/" + caseId).tick("hasInterest").clickButton("Declare").waitForText("Your declaration is recorded");
        bill.tick("vote").type("#rationale", "My grandson would learn here").clickButton("Record my vote").waitForText("Your vote is recorded");
        bill.check("case-voting");

        JsonNode timeline = api("dana").get("/api/commissioning/cases/" + caseId).path("timeline");
        assertThat(kinds(timeline, "eli")).containsExactly("NO_INTEREST_DECLARED", "VOTE_CAST", "VOTE_CHANGED");
        assertThat(kinds(timeline, "bill")).containsExactly("NO_INTEREST_DECLARED", "VOTE_CAST");
        assertThat(kinds(timeline, "dana")).containsExactly("PANEL_ASSEMBLED", "NO_INTEREST_DECLARED", "VOTE_CAST");
    }

    @Test
    @Order(12)
    void danaClosesTheCaseAndTheOutcomeTheRollAndTheAllocationAreShown() {
        dana.open("/cases/" + caseId).clickButton("Close the case").waitForText("The case is closed");
        assertThat(dana.text("[data-testid=decision]")).contains("Approved").contains("12,000.00 GBP allocated");
        assertThat(dana.text("[data-testid=roll]")).contains("Recused").contains("The room plan answers my doubt");
        dana.check("case-decided");
        dana.open("/funds/" + fundId).waitForText("Allocations");
        assertThat(dana.text("[data-testid=remaining]")).isEqualTo("38,000.00 GBP");
        assertThat(dana.text("[data-testid=allocations]")).contains(TITLE).contains("12,000.00 GBP");

        JsonNode decisionCase = api("dana").get("/api/commissioning/cases/" + caseId);
        assertThat(decisionCase.path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(new BigDecimal(decisionCase.path("decision").path("allocation").path("amount").path("amount").asText()))
                .isEqualByComparingTo("12000");
        assertThat(new BigDecimal(api("dana").get("/api/commissioning/funds/" + fundId).path("remaining").asText()))
                .isEqualByComparingTo("38000");
    }

    @Test
    @Order(13)
    void danaAssignsTheProviderDefinesTheIndicatorAndSetsReviewDates() {
        String proposalId = proposalPath.substring("/proposals/".length());
        JsonNode started = api("dana").await("/api/outcomes/initiatives?serviceArea=libraries&size=100", Duration.ofSeconds(60),
                "the initiative", page -> find(page.path("items"), "proposalId", proposalId) != null);
        initiativeId = find(started.path("items"), "proposalId", proposalId).path("id").asText();
        dana.clickLink("Initiatives").waitForPath("/initiatives");
        dana.check("initiatives");
        dana.open("/initiatives/" + initiativeId).type("#providerId", "greenshoots").type("#providerName", "Green Shoots CIC");
        dana.clickButton("Assign").waitForText("The provider is assigned");
        dana.click("[data-testid=indicator] summary");
        dana.type("[data-testid=indicator-form] input[name=unit]", "young people taking part in a month")
                .type("[data-testid=indicator-form] input[name=baseline]", "0").type("[data-testid=indicator-form] input[name=target]", "40");
        dana.click("[data-testid=indicator-form] input[name=direction][value=HIGHER_IS_BETTER] + label");
        dana.clickButton("Save the indicator").waitForText("The indicator is saved");
        dana.type("#reviewDates", "2027-03-31 2027-09-30").clickButton("Set the review dates").waitForText("The review dates are set");
        assertThat(dana.text("[data-testid=indicator-terms]")).contains("from a baseline of 0 to a target of 40; higher is better");

        JsonNode initiative = api("dana").get("/api/outcomes/initiatives/" + initiativeId);
        assertThat(initiative.path("provider").path("id").asText()).isEqualTo("greenshoots");
        JsonNode indicator = initiative.path("indicators").get(0);
        assertThat(indicator.path("defined").asBoolean()).isTrue();
        assertThat(new BigDecimal(indicator.path("target").asText())).isEqualByComparingTo("40");
        assertThat(initiative.path("reviewDates").toString()).isEqualTo("[\"2027-03-31\",\"2027-09-30\"]");
    }

    @Test
    @Order(14)
    void greenShootsReportsProgressAndBillHisLivedExperienceBothChartedAgainstBaselineAndTarget() {
        JsonNode indicator = api("dana").get("/api/outcomes/initiatives/" + initiativeId).path("indicators").get(0);
        String value = "input[name='value-" + indicator.path("indicatorId").asText() + "']";
        greenShoots = browser().open("/");
        greenShoots.clickLink("Sign in").logIn("greenshoots").waitForPath("/");
        greenShoots.open("/initiatives/" + initiativeId).type(value, "14").type("#report-narrative", "Fourteen young people came");
        greenShoots.clickButton("Send the report").waitForText("Your report is recorded");
        assertThat(greenShoots.text("[data-testid=indicator-latest]")).contains("Latest from the provider: 14").contains("35%");

        bill.open("/initiatives/" + initiativeId).type(value, "9").type("#lived-narrative", "My grandson mended a lamp and taught a friend");
        bill.clickButton("Share it").waitForText("your lived experience is recorded");
        assertThat(bill.present("[data-testid=chart] circle")).isTrue();
        assertThat(bill.present("[data-testid=chart] rect")).isTrue();
        assertThat(bill.text("[data-testid=readings]")).contains("14").contains("9");
        bill.check("initiative");

        JsonNode reported = api("dana").get("/api/outcomes/initiatives/" + initiativeId).path("indicators").get(0);
        assertThat(new BigDecimal(reported.path("latest").asText())).isEqualByComparingTo("14");
        assertThat(reported.path("livedExperience")).hasSize(1);
        assertThat(new BigDecimal(reported.path("livedExperience").get(0).path("value").asText())).isEqualByComparingTo("9");
    }

    @Test
    @Order(20)
    void billSeesHisActivityFindsTheProposalAndSignsOut() {
        bill.clickLink("My activity").waitForPath("/activity");
        assertThat(bill.text("[data-testid=activity]")).contains("Endorsed").contains("Pledged").contains("Registered for a workshop");
        bill.check("activity");

        bill.open("/proposals").type("#q", "Repair and make").clickButton("Apply filters").waitForText(TITLE);
        bill.check("proposals");
        bill.open("/").waitForText(TITLE);
        bill.check("home-signed-in");
        bill.open("/proposals/00000000-0000-0000-0000-000000000000").waitForText("Page not found");
        bill.check("not-found");

        bill.clickButton("Sign out").waitForPath("/");
        assertThat(bill.pageText()).contains("Sign in").doesNotContain("acting as");
    }
}
