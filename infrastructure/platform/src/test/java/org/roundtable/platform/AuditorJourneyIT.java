package org.roundtable.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.identity.DemoLogin;
import org.roundtable.testsupport.Csv;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's walk and the public register, in a real Chromium through the gateway on the whole local stack, after
 * the demo journey has taken a decision (Bill, who did not consent to be named, sat as the citizen member; Farah was
 * recused): a visitor without signing in reads the register and the decision, and sees Bill only by his pseudonym;
 * the register's open data validates against its documented schemas and says what the audit service's register says;
 * Hana, the auditor, reads the proposal's timeline, sees it as it stood after the panel was assembled, reads the power
 * map and the ledger's verification; Bill downloads a receipt for his own act. axe-core (WCAG 2.2 AA) on every page:
 * no serious or critical violation. Screenshots go to {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@ExtendWith(SharedPlatform.class)
class AuditorJourneyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String gateway;
    private static DemoJourney.Result journey;
    private static String billsPseudonym;
    private static final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    static void aDecisionIsTaken(LocalStack stack) throws Exception {
        gateway = stack.ports().gatewayUrl();
        journey = DemoJourney.against(stack.ports(), System.out).play();
        String billsToken = new DemoLogin(stack.ports().issuer()).accessToken("bill", DemoJourney.PASSWORD);
        billsPseudonym = JSON.readTree(get("/api/participation/profile", billsToken)).path("publicName").asText();
        assertThat(billsPseudonym).isNotBlank().isNotEqualTo("Bill Turner");
    }

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

    private static String get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    @Order(1)
    void aVisitorReadsTheRegisterWithoutSigningInAndSeesNoOneWhoDidNotConsentByTheirName() {
        Browser visitor = browser().open("/register");
        assertThat(visitor.text("h1")).isEqualTo("Decision register");
        assertThat(visitor.text("[data-testid=register]")).contains("Repair and make club at Eastfield library").contains("Approved")
                .contains("12,000.00 GBP");
        visitor.check("register");

        visitor.open("/register/" + journey.caseId());
        String panel = visitor.text("[data-testid=panel]");
        assertThat(panel).contains("Dana Reeves").contains("Eli Morgan").contains("Farah Haddad").contains("Recused, could not vote")
                .contains(billsPseudonym).contains("People I know will turn up");
        assertThat(visitor.text("[data-testid=allocated]")).contains("12,000.00 GBP from Libraries community fund");
        assertThat(visitor.text("[data-testid=initiative]")).contains("Green Shoots CIC");
        assertThat(visitor.text("[data-testid=indicators]")).contains("14");
        assertThat(visitor.pageText()).doesNotContain("Bill Turner").doesNotContain("(bill)").doesNotContain(" bill ")
                .contains("Sign in").doesNotContain("acting as");
        visitor.check("register-decision");
    }

    @Test
    @Order(2)
    void theRegistersDownloadsValidateAgainstTheirSchemasAndSayWhatTheAuditServiceSays() throws Exception {
        JsonNode api = JSON.readTree(get("/api/audit/register", null));
        JsonNode download = JSON.readTree(get("/register/decisions.json", null));
        Schema jsonSchema = SCHEMAS.getSchema(get("/register/decisions.schema.json", null));
        Schema csvSchema = SCHEMAS.getSchema(get("/register/decisions-csv.schema.json", null));

        assertThat(jsonSchema.validate(download.toString(), InputFormat.JSON)).isEmpty();
        assertThat(download.get("decisions")).as("the download holds the audit service's register").isEqualTo(api.get("decisions"));
        assertThat(api.toString()).doesNotContain("Bill Turner").doesNotContain("\"bill\"");

        List<List<String>> rows = Csv.parse(get("/register/decisions.csv", null));
        List<String> columns = new ArrayList<>();
        JSON.readTree(get("/register/decisions-csv.schema.json", null)).get("properties").fieldNames().forEachRemaining(columns::add);
        assertThat(rows.get(0)).isEqualTo(columns);
        assertThat(rows).hasSize(api.get("decisions").size() + 1);
        for (int i = 1; i < rows.size(); i++) {
            ObjectNode object = JSON.createObjectNode();
            for (int c = 0; c < columns.size(); c++) {
                object.put(columns.get(c), rows.get(i).get(c));
            }
            assertThat(csvSchema.validate(object.toString(), InputFormat.JSON)).as(object.toString()).isEmpty();
            Csv.Row row = new Csv.Row(columns, rows.get(i));
            JsonNode decision = api.get("decisions").get(i - 1);
            assertThat(row.get("case_id")).isEqualTo(decision.get("caseId").asText());
            assertThat(row.get("outcome")).isEqualTo(decision.get("outcome").asText());
            assertThat(Integer.parseInt(row.get("panel_size"))).isEqualTo(decision.get("panel").size());
            if (!decision.get("allocated").isNull()) {
                assertThat(new BigDecimal(row.get("allocated_amount"))).isEqualByComparingTo(decision.get("allocated").get("amount").decimalValue());
            }
        }
        String feed = get("/register/feed.atom", null);
        assertThat(feed).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"").contains("/register/" + journey.caseId());
    }

    @Test
    @Order(3)
    void hanaReadsTheTimelineAndSeesTheProposalAsItStoodWhenThePanelSat() {
        Browser hana = browser().open("/");
        hana.clickLink("Sign in").logIn("hana").waitForPath("/");
        hana.clickLink("Auditor’s desk").waitForPath("/audit");
        hana.check("audit-desk");

        hana.open("/audit/proposals/" + journey.proposalId()).waitForText("Every step, in order");
        assertThat(hana.text("[data-testid=decision-summary]")).startsWith("Approved on").contains("Farah Haddad declared an interest");
        assertThat(hana.text("[data-testid=steps]")).contains("Assembled a panel of 4 members").contains("Decision reached: APPROVED");
        assertThat(hana.present("[data-testid=time-axis] circle")).isTrue();
        hana.check("timeline");

        String steps = hana.text("[data-testid=steps]");
        int panelStep = stepNumber(steps, "Assembled a panel");
        hana.clickLink("See it as it stood after step " + panelStep).waitForText("As it stood at");
        assertThat(hana.text("[data-testid=as-of-proposal]")).contains("Under decision");
        assertThat(hana.text("[data-testid=as-of-endorsements]")).isEqualTo("2 people endorsed it; endorsements were open.");
        assertThat(hana.text("[data-testid=as-of-case]")).isEqualTo("The panel is sitting");
        assertThat(hana.text("[data-testid=as-of-panel]")).contains("farah").contains("Not voted yet").doesNotContain("Approve:");
        assertThat(hana.text("[data-testid=as-of-no-initiative]")).isEqualTo("Not yet, at that moment.");
        hana.check("as-of");

        hana.open("/audit/power-map?serviceArea=libraries").waitForText("Who held the power");
        assertThat(hana.text("[data-testid=chart-decided]")).contains("Dana Reeves").contains(billsPseudonym);
        assertThat(hana.text("[data-testid=chart-money]")).contains("Libraries community fund").contains("Dana Reeves, Eli Morgan");
        assertThat(hana.text("[data-testid=chart-recused]")).contains("Farah Haddad");
        assertThat(hana.text("[data-testid=chart-table]")).contains("Repair and make club at Eastfield library");
        hana.check("power-map");

        hana.open("/audit/ledger").waitForText("The latest checkpoints");
        assertThat(hana.text("[data-testid=ledger-status]")).contains("The ledger verifies").contains("signed with the log’s key");
        assertThat(hana.text("[data-testid=checkpoints]")).contains("newest first");
        hana.check("ledger");
    }

    @Test
    @Order(4)
    void billSeesHisOwnActsAndDownloadsAReceipt() {
        Browser bill = browser().open("/");
        bill.clickLink("Sign in").logIn("bill").waitForPath("/");
        bill.clickLink("My receipts").waitForPath("/receipts");
        assertThat(bill.text("[data-testid=receipts]")).contains(billsPseudonym + " endorsed the proposal").contains("as citizen");
        bill.check("receipts");
    }

    private static int stepNumber(String steps, String description) {
        for (String line : steps.split("\n")) {
            int dot = line.indexOf(". ");
            if (dot > 0 && line.substring(0, dot).chars().allMatch(Character::isDigit)) {
                int number = Integer.parseInt(line.substring(0, dot));
                String rest = steps.substring(steps.indexOf(line) + line.length());
                if (rest.stripLeading().startsWith(description)) {
                    return number;
                }
            }
        }
        throw new AssertionError("no step \"" + description + "\" in\n" + steps);
    }
}
