package org.roundtable.web.pages;

import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.roundtable.web.PageTest;
import org.roundtable.web.ServicesStub.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditorPagesTest extends PageTest {

    private static final String VERIFIED = "{\"intact\":true,\"entriesVerified\":120,\"entriesBeyond\":3,\"checkpointsChecked\":4,"
            + "\"checkpoint\":{\"treeSize\":120,\"rootHash\":\"ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12\","
            + "\"key\":\"roundtable.local/ledger+1a2b3c4d+AAAA\"},\"firstMismatch\":null,\"checkedAt\":\"2026-11-30T12:00:00Z\"}";
    private static final String CHECKPOINTS = "[{\"treeSize\":120,\"rootHash\":\"ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12\","
            + "\"issuedAt\":\"2026-11-30T11:59:50Z\",\"note\":\"roundtable.local/ledger\\n120\\nqxLN\\n\\n\\u2014 roundtable.local/ledger GgsM\\n\\u2014 witness AbCd\\n\"},"
            + "{\"treeSize\":100,\"rootHash\":\"0011\",\"issuedAt\":\"2026-11-30T11:59:40Z\",\"note\":\"x\\n100\\nAA\\n\\n\\u2014 roundtable.local/ledger GgsM\\n\"}]";
    private static final String KEY = "{\"origin\":\"roundtable.local/ledger\",\"vkey\":\"roundtable.local/ledger+1a2b3c4d+AAAAkey\",\"keyId\":\"1a2b3c4d\","
            + "\"publicKeyPem\":\"PEM\",\"retired\":[],\"witnesses\":[\"witness+00+BBBB\"]}";

    private static String resource(String name) {
        try (InputStream in = AuditorPagesTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    /** An element's text with every run of spaces, tabs and line breaks as one space. */
    private static String words(org.htmlunit.html.DomNode node) {
        return node.asNormalizedText().replaceAll("\\s+", " ");
    }

    private WebClient hana() {
        return signedIn("hana", "Hana Sato", "AUDITOR");
    }

    private void ledger() {
        services.on("GET", "/api/audit/verification", Response.json(VERIFIED));
        services.on("GET", "/api/audit/log/checkpoints", Response.json(CHECKPOINTS));
        services.on("GET", "/api/audit/log/key", Response.json(KEY));
    }

    @Test
    void theDeskLeadsToEachProposalsTimelineThePowerMapAndTheLedger() throws Exception {
        services.on("GET", "/api/proposals", Response.json(org.roundtable.web.Fixtures.page(
                org.roundtable.web.Fixtures.summary("p-1", "Repair and make club", "COMMISSIONED"))));

        HtmlPage desk = hana().getPage(url("/audit"));

        assertThat(desk.getTitleText()).isEqualTo("Auditor’s desk – Roundtable");
        assertThat(desk.getAnchorByText("Repair and make club").getHrefAttribute()).isEqualTo("/audit/proposals/p-1");
        assertThat(testId(desk, "audit-links")).contains("The power map").contains("The ledger").contains("The public decision register");
        assertThat(testId(desk, "acting-role")).contains("acting as auditor");
        assertThat(desk.getAnchorByText("Auditor’s desk").getHrefAttribute()).isEqualTo("/audit");
    }

    @Test
    void aVisitorIsSentToSignInAndSomeoneWhoIsNotAnAuditorIsRefused() throws Exception {
        WebClient visitor = visitor();
        visitor.getOptions().setRedirectEnabled(false);
        Page page = visitor.getPage(url("/audit/power-map"));
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(303);
        assertThat(page.getWebResponse().getResponseHeaderValue("Location")).startsWith("/sign-in");

        services.on("GET", "/api/audit/power-map", Response.problem(403, "Forbidden", "auditors only", null, null));
        Page refused = amara().getPage(url("/audit/power-map"));
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(403);
    }

    @Test
    void theTimelinePutsEveryStepOnATimeAxisWithTheNumberedListAsItsTextAlternative() throws Exception {
        services.on("GET", "/api/audit/proposals/p-1/history", Response.json(resource("audit-history.json")));

        HtmlPage timeline = hana().getPage(url("/audit/proposals/p-1"));

        assertThat(timeline.getTitleText()).isEqualTo("Timeline: Repair and make club – Roundtable");
        DomElement axis = timeline.querySelector("[data-testid=time-axis]");
        assertThat(axis.getAttribute("role")).isEqualTo("img");
        assertThat(axis.getAttribute("aria-describedby")).isEqualTo("steps");
        assertThat(timeline.getElementById("axis-picture").getTextContent()).contains("5 steps");
        assertThat(axis.querySelectorAll("circle")).hasSize(5);
        assertThat(axis.querySelectorAll("circle").get(1).getTextContent()).isEqualTo("2. Neighbour K7PQ2M endorsed the proposal (20 Nov 2026, 10:05:00)");
        assertThat(axis.querySelectorAll("text").stream().map(node -> node.getTextContent()).toList())
                .contains("Proposals", "Participation", "Commissioning", "Outcomes", "10:00", "11:00");
        assertThat(testId(timeline, "decision-summary")).isEqualTo("Approved on 2026-11-20, the case closed by Dana Reeves.");
        assertThat(testId(timeline, "steps")).contains("1. 20 November 2026, 10:00 · Proposals").contains("Drafted the proposal 'Repair and make club'")
                .contains("by Amara Okafor, acting as citizen").contains("Why: My grandson would learn here")
                .contains("by Dana Reeves, acting as commissioner");
        assertThat(timeline.getAnchorByText("See it as it stood after step 3").getHrefAttribute())
                .isEqualTo("/audit/proposals/p-1?at=2026-11-20T10:10:00Z#as-of");
        assertThat(timeline.getAnchorByText("Receipt for step 3").getHrefAttribute()).isEqualTo("/audit/receipt?eventId=e-panel");
        assertThat(timeline.<DomElement>querySelector("[data-testid=as-of]")).isNull();
    }

    @Test
    void asOfAMomentShowsTheProposalEndorsementsCaseAndInitiativeAsTheyStood() throws Exception {
        services.on("GET", "/api/audit/proposals/p-1/history", Response.json(resource("audit-history.json")));
        services.on("GET", "/api/audit/proposals/p-1/as-of", Response.json(resource("audit-as-of.json")));

        HtmlPage timeline = hana().getPage(url("/audit/proposals/p-1"));
        HtmlForm form = timeline.querySelector("[data-testid=as-of-form]");
        assertThat(form.getMethodAttribute()).isEqualTo("get");
        assertThat(form.getActionAttribute()).isEqualTo("/audit/proposals/p-1#as-of");
        assertThat(form.getInputByName("at").getAttribute("type")).isEqualTo("datetime-local");
        // what the form sends, without JavaScript: the moment as typed, in UK time
        HtmlPage asOf = hana().getPage(url("/audit/proposals/p-1?at=2026-11-20T10%3A10%3A00"));

        assertThat(services.received("GET", "/api/audit/proposals/p-1/as-of")).last()
                .satisfies(request -> assertThat(java.net.URLDecoder.decode(request.query(), StandardCharsets.UTF_8)).isEqualTo("at=2026-11-20T10:10:00Z"));
        assertThat(testId(asOf, "as-of")).contains("As it stood at 20 November 2026, 10:10, from 12 entries of the ledger");
        assertThat(testId(asOf, "as-of-proposal")).contains("Under decision").contains("Revision 2: Repair and make club")
                .contains("amara (citizen), chen (staff)");
        assertThat(testId(asOf, "as-of-endorsements")).isEqualTo("1 person endorsed it; endorsements were open.");
        assertThat(testId(asOf, "as-of-case")).isEqualTo("The panel is sitting");
        assertThat(testId(asOf, "as-of-panel").replaceAll("\\s+", " ")).contains("dana (commissioner) No interest Not voted yet").contains("bill (citizen) Did not declare Not voted yet");
        assertThat(testId(asOf, "as-of-no-initiative")).isEqualTo("Not yet, at that moment.");
        assertThat(asOf.<org.htmlunit.html.HtmlInput>querySelector("#at").getValue()).isEqualTo("2026-11-20T10:10:00");
        assertThat(asOf.querySelectorAll("#steps li.rt-steps--after")).as("the steps after the moment").hasSize(2);
        assertThat(asOf.<DomElement>querySelector("[data-testid=time-axis] .rt-axis__marker")).isNotNull();
    }

    @Test
    void aMomentThatIsNotOneIsRefusedBesideTheFieldAndNothingIsAsked() throws Exception {
        services.on("GET", "/api/audit/proposals/p-1/history", Response.json(resource("audit-history.json")));

        HtmlPage page = hana().getPage(url("/audit/proposals/p-1?at=yesterday"));

        assertThat(testId(page, "field-error")).contains("Enter a date and time");
        assertThat(page.<org.htmlunit.html.HtmlInput>querySelector("#at").getValue()).isEqualTo("yesterday");
        assertThat(services.received("GET", "/api/audit/proposals/p-1/as-of")).isEmpty();
    }

    @Test
    void thePowerMapDrawsEachPictureWithItsTableAndCsvBesideIt() throws Exception {
        services.on("GET", "/api/audit/power-map", Response.json(resource("audit-power-map.json")));

        HtmlPage map = hana().getPage(url("/audit/power-map?from=2026-01-01&serviceArea=libraries"));

        assertThat(services.received("GET", "/api/audit/power-map")).last()
                .satisfies(request -> assertThat(request.query()).isEqualTo("from=2026-01-01&serviceArea=libraries"));
        assertThat(testId(map, "power-map-scope")).isEqualTo("From 2026-01-01 to now, in libraries.");
        assertThat(testId(map, "power-map-totals")).contains("Funds held: 50,000 GBP; allocated by decisions: 12,000 GBP");
        List<String> charts = List.of("decided", "money", "time", "knowledge", "recused", "table");
        for (String chart : charts) {
            DomElement section = map.querySelector("[data-testid=chart-" + chart + "]");
            DomElement picture = section.querySelector("svg");
            assertThat(picture.getAttribute("role")).as(chart).isEqualTo("img");
            assertThat(map.getElementById(picture.getAttribute("aria-labelledby")).getTextContent()).as(chart).contains("bar chart");
            assertThat(map.getElementById(picture.getAttribute("aria-describedby")).getTagName()).as(chart + ": its table").isEqualTo("table");
            assertThat(section.<DomElement>querySelector("a[href*='.csv']")).as(chart + ": its CSV").isNotNull();
        }
        assertThat(testId(map, "chart-decided")).contains("Dana Reeves").contains("Neighbour K7PQ2M").doesNotContain("Amara Okafor");
        assertThat(words(map.querySelector("#decided-table"))).contains("Dana Reeves commissioner 1 1 1");
        assertThat(words(map.querySelector("#money-table"))).contains("Libraries community fund (GBP) Held by Dana Reeves, Eli Morgan 50,000 12,000");
        assertThat(words(map.querySelector("#time-table"))).contains("Neighbour K7PQ2M citizen 6 6.5").contains("Amara Okafor citizen 4 0");
        assertThat(words(map.querySelector("#knowledge-table"))).contains("Amara Okafor citizen 1 0 0");
        assertThat(words(map.querySelector("#recused-table"))).contains("Farah Haddad commissioner 1");
        assertThat(words(map.querySelector("#table-table"))).contains("Repair and make club Approved 3 1 1");
        assertThat(map.querySelectorAll("#money svg rect.rt-series-0")).as("a bar per fund, and its legend").hasSize(2);
        assertThat(map.<DomElement>querySelector("[data-testid=chart-money] a[href*='.csv']").getAttribute("href"))
                .isEqualTo("/audit/power-map/funds.csv?from=2026-01-01&serviceArea=libraries");
        assertThat((Object) map.querySelector("[data-testid=more-decisions]")).as("every decision is at the table").isNull();
    }

    @Test
    void aPeriodWithMoreDecisionsThanTheMapListsSaysSoAndOffersThemAllAsCsv() throws Exception {
        services.on("GET", "/api/audit/power-map", Response.json(resource("audit-power-map.json")
                .replace("\"skippedEntries\"", "\"moreDecisionsAfter\": 4711, \"skippedEntries\"")));

        HtmlPage map = hana().getPage(url("/audit/power-map?serviceArea=libraries"));

        assertThat(testId(map, "more-decisions")).isEqualTo("The picture of who sat at each table shows the first 1 decisions of "
                + "this period; more were reached. Every decision of the period, as CSV");
        assertThat(map.<DomElement>querySelector("[data-testid=more-decisions] a").getAttribute("href"))
                .isEqualTo("/audit/power-map/decisions.csv?serviceArea=libraries");
    }

    @Test
    void eachTableOfThePowerMapDownloadsAsTheAuditServicesCsv() throws Exception {
        services.on("GET", "/api/audit/power-map/funds", new Response(200, "text/csv", "Fund id,Fund\r\nf-1,Libraries community fund\r\n"));

        Page csv = hana().getPage(url("/audit/power-map/funds.csv?from=2026-01-01"));

        assertThat(csv.getWebResponse().getContentType()).isEqualTo("text/csv");
        assertThat(csv.getWebResponse().getResponseHeaderValue("Content-Disposition")).contains("power-map-funds.csv");
        assertThat(csv.getWebResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("Fund id,Fund\r\nf-1,Libraries community fund\r\n");
        assertThat(services.received("GET", "/api/audit/power-map/funds")).last()
                .satisfies(request -> assertThat(request.query()).isEqualTo("from=2026-01-01&format=csv"));
        assertThat(hana().getPage(url("/audit/power-map/everything.csv")).getWebResponse().getStatusCode()).isEqualTo(404);
    }

    @Test
    void aPeriodTheAuditServiceRefusesIsShownBesideItsField() throws Exception {
        services.on("GET", "/api/audit/power-map", Response.problem(400, "Bad Request", "invalid", "to", "the period ends after it starts"));

        HtmlPage map = hana().getPage(url("/audit/power-map?from=2026-05-01&to=2026-01-01"));

        assertThat(map.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(testId(map, "field-error")).contains("The period ends after it starts");
        assertThat(map.<org.htmlunit.html.HtmlInput>querySelector("#to").getValue()).isEqualTo("2026-01-01");
    }

    @Test
    void theLedgerSaysInPlainWordsWhatWasCheckedUpToWhichCheckpointAndWhichKeySignedIt() throws Exception {
        ledger();

        HtmlPage page = hana().getPage(url("/audit/ledger"));

        assertThat(testId(page, "ledger-status")).contains("The ledger verifies")
                .contains("Every one of the 120 entries up to the latest signed checkpoint (of 120 entries) was read again")
                .contains("all 4 checkpoints signed so far were checked")
                .contains("3 entries were recorded after that checkpoint")
                .contains("signed with the log’s key 1a2b3c4d (roundtable.local/ledger)");
        assertThat(testId(page, "checkpoints")).contains("The latest 2 checkpoints, newest first").contains("120").contains("ab12cd34ef56ab12...");
        assertThat(words(page.querySelector("[data-testid=checkpoints] tbody tr"))).endsWith("1");
        assertThat(services.received("GET", "/api/audit/log/checkpoints")).last()
                .satisfies(request -> assertThat(request.query()).isEqualTo("newest=5"));
    }

    @Test
    void aLedgerThatDoesNotVerifyNamesTheFirstMismatch() throws Exception {
        ledger();
        services.on("GET", "/api/audit/verification", Response.json("{\"intact\":false,\"entriesVerified\":41,\"entriesBeyond\":0,"
                + "\"checkpointsChecked\":4,\"checkpoint\":{\"treeSize\":120,\"rootHash\":\"ab\",\"key\":\"k\"},"
                + "\"firstMismatch\":{\"position\":42,\"eventId\":\"e-42\",\"problem\":\"the entry's hash does not match its contents\"},"
                + "\"checkedAt\":\"2026-11-30T12:00:00Z\"}"));

        HtmlPage page = hana().getPage(url("/audit/ledger"));

        assertThat(testId(page, "ledger-status")).contains("The ledger does not verify");
        assertThat(testId(page, "ledger-mismatch")).isEqualTo("The first thing that does not match: position 42, event e-42: the entry's hash does not match its contents");
    }

    @Test
    void anyEventsReceiptDownloadsAndOneNotYetCoveredIsExplainedBesideTheField() throws Exception {
        ledger();
        services.on("GET", "/api/audit/receipts/e-panel", Response.json("{\"entry\":{\"position\":12},\"leafHash\":\"ab\"}"));
        services.on("GET", "/api/audit/receipts/e-late", Response.problem(409, "Conflict", "not yet covered", null, null));

        Page receipt = hana().getPage(url("/audit/receipt?eventId=e-panel"));
        assertThat(receipt.getWebResponse().getContentType()).isEqualTo("application/json");
        assertThat(receipt.getWebResponse().getResponseHeaderValue("Content-Disposition")).isEqualTo("attachment; filename=\"receipt-e-panel.json\"");
        assertThat(receipt.getWebResponse().getContentAsString()).isEqualTo("{\"entry\":{\"position\":12},\"leafHash\":\"ab\"}");

        HtmlPage late = hana().getPage(url("/audit/receipt?eventId=e-late"));
        assertThat(testId(late, "field-error")).contains("recorded after the latest checkpoint");
        assertThat(late.<org.htmlunit.html.HtmlInput>querySelector("#eventId").getValue()).isEqualTo("e-late");

        HtmlPage empty = hana().getPage(url("/audit/receipt?eventId="));
        assertThat(testId(empty, "field-error")).contains("Enter the event id");
    }

    @Test
    void aPersonSeesTheirOwnActsAndDownloadsEachReceipt() throws Exception {
        services.on("GET", "/api/audit/receipts", Response.json("[{\"eventId\":\"e-2\",\"position\":9,\"event\":\"EndorsementGiven\","
                + "\"description\":\"Endorsed the proposal\",\"role\":\"CITIZEN\",\"occurredAt\":\"2026-11-20T10:05:00Z\",\"receiptReady\":true},"
                + "{\"eventId\":\"e-3\",\"position\":130,\"event\":\"AssetPledged\",\"description\":\"Pledged 6 hours a month\",\"role\":\"CITIZEN\","
                + "\"occurredAt\":\"2026-11-20T10:06:00Z\",\"receiptReady\":false}]"));
        services.on("GET", "/api/audit/receipts/e-2", Response.json("{\"entry\":{\"position\":9}}"));

        HtmlPage page = amara().getPage(url("/receipts"));

        assertThat(testId(page, "receipts")).contains("2 acts, newest first").contains("Endorsed the proposal").contains("as citizen; entry 9 of the ledger")
                .contains("Pledged 6 hours a month").contains("Ready within seconds");
        assertThat(page.getAnchorByHref("/receipts/e-2").asNormalizedText()).isEqualTo("Download the receipt for: Endorsed the proposal");
        assertThat(page.querySelectorAll("a[href='/receipts/e-3']")).isEmpty();
        Page receipt = amara().getPage(url("/receipts/e-2"));
        assertThat(receipt.getWebResponse().getResponseHeaderValue("Content-Disposition")).contains("receipt-e-2.json");
        assertThat(services.received("GET", "/api/audit/receipts/e-2")).last()
                .satisfies(request -> assertThat(request.header("Authorization")).isNotEqualTo("Bearer " + services.readerToken()));
    }
}
