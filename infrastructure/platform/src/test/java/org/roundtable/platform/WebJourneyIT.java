package org.roundtable.platform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's tour for citizens and staff, in a real Chromium through the gateway with real sign-in on the local
 * authorization server: Amara drafts a proposal framed by assets and invites Chen; Chen, acting as staff, joins and
 * amends it; Amara submits it and schedules a workshop; Bill endorses it, pledges time and registers; Amara records
 * his attendance and an idea. Each person has a browser of their own. Every page on the way is checked with axe-core
 * (WCAG 2.2 AA): no serious or critical violation anywhere. Screenshots of the main pages go to
 * {@code target/screenshots}. The steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@ExtendWith(SharedPlatform.class)
class WebJourneyIT {

    private static final String TITLE = "Repair and make club at Eastfield library";
    private static String gateway;
    private static Browser amara;
    private static Browser chen;
    private static Browser bill;
    private static String proposalPath;
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
        assertThat(amara.text("[data-testid=co-designers]")).as("Chen has not yet said he may be named: his pseudonym, never his login")
                .contains("Neighbour ").contains("invited").doesNotContain("chen");
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
        assertThat(chen.text("[data-testid=revision]")).contains("Revision 2").contains("by chen as staff")
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
