package org.roundtable.web.pages;

import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.junit.jupiter.api.Test;
import org.roundtable.web.PageTest;
import org.roundtable.web.ServicesStub.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.web.InitiativeFixtures.INDICATOR_ID;
import static org.roundtable.web.InitiativeFixtures.INITIATIVE_ID;
import static org.roundtable.web.InitiativeFixtures.initiative;
import static org.roundtable.web.InitiativeFixtures.point;
import static org.roundtable.web.InitiativeFixtures.report;
import static org.roundtable.web.InitiativeFixtures.summary;

/** Initiatives without JavaScript: managing one, the provider's report, lived experience, the chart and its table, assets. */
class InitiativePagesTest extends PageTest {

    private static final String INITIATIVE = "/api/outcomes/initiatives/" + INITIATIVE_ID;

    private WebClient dana() {
        return signedIn("dana", "Dana Reeves", "COMMISSIONER");
    }

    private WebClient greenShoots() {
        return signedIn("greenshoots", "Green Shoots CIC", "PROVIDER");
    }

    @Test
    void initiativesAreListedWithTheirProviders() throws Exception {
        services.on("GET", "/api/outcomes/initiatives", Response.json(org.roundtable.web.Fixtures.page(summary())));

        HtmlPage page = dana().getPage(url("/initiatives"));

        assertThat(testId(page, "initiatives")).contains("Repair and make club").contains("In delivery").contains("Green Shoots CIC")
                .contains("12,000.00 GBP");
    }

    @Test
    void aCommissionerAssignsTheProviderAndDefinesAnIndicatorWithBaselineTargetAndDirection() throws Exception {
        services.onAfter("GET", INITIATIVE, 2, Response.json(initiative(false, false, "", "", "")),
                Response.json(initiative(true, false, "", "", "")));
        services.on("PUT", INITIATIVE + "/provider", Response.status(204));
        services.on("PUT", INITIATIVE + "/indicators/" + INDICATOR_ID, Response.problem(400, "Bad Request", "invalid", "target",
                "where higher is better, the target must not be below the baseline"));

        HtmlPage page = dana().getPage(url("/initiatives/" + INITIATIVE_ID));
        assertThat(testId(page, "provider")).isEqualTo("Not assigned yet");
        HtmlForm assign = page.getFirstByXPath("//form[@data-testid='provider-form']");
        assign.getInputByName("providerId").setValue("greenshoots");
        assign.getInputByName("providerName").setValue("Green Shoots CIC");
        HtmlPage assigned = assign.getButtonByName("").click();
        assertThat(testId(assigned, "done")).contains("The provider is assigned");
        assertThat(testId(assigned, "provider")).isEqualTo("Green Shoots CIC");
        assertThat(services.received("PUT", INITIATIVE + "/provider").get(0).body())
                .contains("\"providerId\":\"greenshoots\"").contains("\"providerName\":\"Green Shoots CIC\"");

        HtmlForm define = assigned.getFirstByXPath("//form[@data-testid='indicator-form']");
        define.getInputByName("unit").setValue("young people taking part in a month");
        define.getInputByName("baseline").setValue("10");
        define.getInputByName("target").setValue("5");
        ((HtmlRadioButtonInput) assigned.getElementById(INDICATOR_ID + "-direction")).setChecked(true);
        HtmlPage refused = define.getButtonByName("").click();

        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(refused.getElementById(INDICATOR_ID + "-target-error").asNormalizedText())
                .contains("Where higher is better, the target must not be below the baseline.");
        assertThat(services.received("PUT", INITIATIVE + "/indicators/" + INDICATOR_ID).get(0).body())
                .contains("\"baseline\":10").contains("\"target\":5").contains("\"direction\":\"HIGHER_IS_BETTER\"");
        assertThat(((HtmlRadioButtonInput) refused.getElementById(INDICATOR_ID + "-direction")).isChecked()).isTrue();
    }

    @Test
    void aReviewDateThatIsNotADayIsRefusedBesideTheDatesAndNothingIsSent() throws Exception {
        services.on("GET", INITIATIVE, Response.json(initiative(true, true, "", "", "")));

        HtmlPage page = dana().getPage(url("/initiatives/" + INITIATIVE_ID));
        HtmlForm dates = page.getFirstByXPath("//form[@data-testid='review-dates-form']");
        dates.getTextAreaByName("reviewDates").setText("2027-03-31, next spring");
        HtmlPage refused = dates.getButtonByName("").click();

        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
        assertThat(refused.getElementById("reviewDates-error").asNormalizedText()).contains("Give the day as a date");
        assertThat(refused.getElementById("reviewDates").asNormalizedText()).isEqualTo("2027-03-31, next spring");
        assertThat(services.received("PUT", INITIATIVE + "/review-dates")).isEmpty();
    }

    @Test
    void reviewDatesAndAReviewWithItsOverrideReasonAreSent() throws Exception {
        services.onAfter("GET", INITIATIVE, 2, Response.json(initiative(true, true, "", "", "")),
                Response.json(initiative(true, true, point("2026-11-20", 14, false), "", report("2026-11-20", false, "Fourteen came"))));
        services.on("PUT", INITIATIVE + "/review-dates", Response.status(204));
        services.on("POST", INITIATIVE + "/reviews", Response.problem(409, "Conflict",
                "not every target is met (Young people gain practical skills and confidence: 14 of 40); give an override reason", null, null));

        HtmlPage page = dana().getPage(url("/initiatives/" + INITIATIVE_ID));
        HtmlForm dates = page.getFirstByXPath("//form[@data-testid='review-dates-form']");
        dates.getTextAreaByName("reviewDates").setText("2027-03-31, 2027-09-30");
        dates.getButtonByName("").click();
        assertThat(services.received("PUT", INITIATIVE + "/review-dates").get(0).body()).isEqualTo("{\"reviewDates\":[\"2027-03-31\",\"2027-09-30\"]}");

        HtmlPage again = dana().getPage(url("/initiatives/" + INITIATIVE_ID));
        HtmlForm review = again.getFirstByXPath("//form[@data-testid='review-form']");
        ((HtmlRadioButtonInput) again.getElementById("review-status-ACHIEVED")).setChecked(true);
        review.getTextAreaByName("reason").setText("The club is full");
        HtmlPage refused = review.getButtonByName("").click();
        assertThat(testId(refused, "error-summary")).contains("Not every target is met (Young people gain practical skills and confidence: 14 of 40); give an override reason.");

        HtmlForm withOverride = refused.getFirstByXPath("//form[@data-testid='review-form']");
        withOverride.getTextAreaByName("overrideReason").setText("Forty was the room's limit, reached on waiting lists");
        services.on("POST", INITIATIVE + "/reviews", Response.status(204));
        withOverride.getButtonByName("").click();
        assertThat(services.received("POST", INITIATIVE + "/reviews").get(1).body()).contains("\"status\":\"ACHIEVED\"")
                .contains("\"reason\":\"The club is full\"").contains("\"overrideReason\":\"Forty was the room's limit, reached on waiting lists\"");
    }

    @Test
    void theProviderReportsReadingsWithANarrativeAndTheChartAndItsTableShowThemAgainstBaselineAndTarget() throws Exception {
        services.onAfter("GET", INITIATIVE, 2, Response.json(initiative(true, true, "", "", "")),
                Response.json(initiative(true, true, point("2026-11-20", 14, false), point("2026-11-21", 9, true),
                        report("2026-11-20", false, "Fourteen young people came") + "," + report("2026-11-21", true, "My grandson fixed a lamp"))));
        services.on("POST", INITIATIVE + "/progress-reports", Response.created("r1"));

        HtmlPage page = greenShoots().getPage(url("/initiatives/" + INITIATIVE_ID));
        assertThat((Object) page.getFirstByXPath("//form[@data-testid='lived-form']")).as("lived experience is for citizens and staff").isNull();
        HtmlForm report = page.getFirstByXPath("//form[@data-testid='report-form']");
        report.getInputByName("value-" + INDICATOR_ID).setValue("14");
        report.getTextAreaByName("narrative").setText("Fourteen young people came");
        report.getInputByName("observedOn").setValue("2026-11-20");
        HtmlPage reported = report.getButtonByName("").click();

        assertThat(testId(reported, "done")).contains("Your report is recorded");
        assertThat(services.received("POST", INITIATIVE + "/progress-reports").get(0).body())
                .isEqualTo("{\"readings\":[{\"indicatorId\":\"" + INDICATOR_ID + "\",\"value\":14}],\"narrative\":\"Fourteen young people came\","
                        + "\"observedOn\":\"2026-11-20\"}");
        assertThat(testId(reported, "indicator-terms")).isEqualTo("Measured in young people taking part in a month: from a baseline of 0 "
                + "to a target of 40; higher is better.");
        assertThat(testId(reported, "indicator-latest")).contains("Latest from the provider: 14").contains("35%").contains("Target not met yet");
        DomNode chart = reported.querySelector("svg[data-testid='chart']");
        assertThat(chart.getAttributes().getNamedItem("role").getNodeValue()).isEqualTo("img");
        assertThat(chart.querySelectorAll("circle")).as("the provider's reading").hasSize(1);
        assertThat(chart.querySelectorAll("rect")).as("lived experience").hasSize(1);
        assertThat(chart.querySelector("title").getTextContent()).contains("readings against the baseline and the target");
        assertThat(testId(reported, "readings")).containsPattern("2026-11-20\\s+14\\s+2026-11-21\\s+9");
        assertThat(reported.querySelectorAll("[data-testid='report']").get(1).asNormalizedText()).contains("Lived experience")
                .contains("My grandson fixed a lamp");
        assertThat(testId(reported, "assets-summary")).isEqualTo("1 of 1 pledges fulfilled; 4 hours given against 6 hours a month pledged.");
        assertThat(testId(reported, "assets")).contains("Teaching soldering").contains("Quiet Heron").contains("Pledged and given");
    }

    @Test
    void aProviderReportingOnSomeoneElsesInitiativeIsRefusedInPlainWords() throws Exception {
        services.on("GET", INITIATIVE, Response.json(initiative(true, true, "", "", "")));
        services.on("POST", INITIATIVE + "/progress-reports", Response.problem(403, "Forbidden", "only the assigned provider reports progress",
                null, null));
        var other = signedIn("brightworks", "Bright Works Ltd", "PROVIDER");

        HtmlPage page = other.getPage(url("/initiatives/" + INITIATIVE_ID));
        HtmlForm report = page.getFirstByXPath("//form[@data-testid='report-form']");
        report.getInputByName("value-" + INDICATOR_ID).setValue("30");
        report.getTextAreaByName("narrative").setText("Thirty came");
        HtmlPage refused = report.getButtonByName("").click();

        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(testId(refused, "error-summary")).contains("You are not allowed to do this, in the role you act in. "
                + "Only the assigned provider reports progress.");
        assertThat(refused.getElementById("report-narrative").getTextContent()).isEqualTo("Thirty came");
        assertThat(((org.htmlunit.html.HtmlInput) refused.getElementById("value-" + INDICATOR_ID)).getValue()).isEqualTo("30");
    }

    @Test
    void aCitizenSharesLivedExperienceAndAValueThatIsNotANumberIsRefusedBesideIt() throws Exception {
        services.on("GET", INITIATIVE, Response.json(initiative(true, true, "", "", "")));
        services.on("POST", INITIATIVE + "/lived-experience", Response.created("r2"));
        var bill = signedIn("bill", "Bill Turner", "CITIZEN");

        HtmlPage page = bill.getPage(url("/initiatives/" + INITIATIVE_ID));
        assertThat((Object) page.getFirstByXPath("//form[@data-testid='report-form']")).isNull();
        HtmlForm lived = page.getFirstByXPath("//form[@data-testid='lived-form']");
        lived.getInputByName("value-" + INDICATOR_ID).setValue("nine");
        HtmlPage refused = lived.getButtonByName("").click();

        assertThat(refused.getElementById("value-" + INDICATOR_ID + "-error").asNormalizedText()).contains("Give a number");
        assertThat(services.received("POST", INITIATIVE + "/lived-experience")).isEmpty();
    }
}
