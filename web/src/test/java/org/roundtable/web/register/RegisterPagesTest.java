package org.roundtable.web.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.web.PageTest;
import org.roundtable.testsupport.Csv;
import org.roundtable.web.ServicesStub.Response;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterPagesTest extends PageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private String register;

    @BeforeEach
    void theAuditServicesRegister() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/register.json")) {
            register = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        services.on("GET", "/api/audit/register", Response.json(register));
    }

    @Test
    void aVisitorSeesEveryDecisionNewestFirstWithoutSigningIn() throws Exception {
        HtmlPage page = visitor().getPage(url("/register"));

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(page.getTitleText()).isEqualTo("Decision register – Roundtable");
        assertThat(testId(page, "register")).contains("2 decisions, newest first")
                .contains("20 November 2026").contains("Repair and make club at Eastfield library").contains("Approved")
                .contains("2 commissioners, 1 citizen member, 1 recused").contains("12,000.00 GBP")
                .contains("=Benches, in the park").contains("Rejected").contains("1 commissioner, 1 citizen member");
        assertThat(page.getAnchorByText("Repair and make club at Eastfield library").getHrefAttribute()).isEqualTo("/register/case-repair");
        assertThat(testId(page, "downloads")).contains("Decisions as CSV").contains("Decisions as JSON").contains("Atom feed");
        assertThat(testId(page, "columns")).contains("case_id").contains("The decision case's id.").contains("votes_approve");
        assertThat(services.received("GET", "/api/audit/register")).last()
                .satisfies(request -> assertThat(request.header("Authorization")).endsWith(services.readerToken()));
    }

    @Test
    void theServiceAreaFilterShowsOnlyItsDecisions() throws Exception {
        HtmlPage page = visitor().getPage(url("/register?serviceArea=parks"));

        assertThat(testId(page, "register")).contains("1 decision, newest first").contains("Benches").doesNotContain("Repair and make");
    }

    @Test
    void aDecisionsPageShowsThePanelTheirDeclarationsVotesAndReasonsTheMoneyAndWhatFollowed() throws Exception {
        HtmlPage page = visitor().getPage(url("/register/case-repair"));

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(testId(page, "outcome")).isEqualTo("Approved");
        assertThat(testId(page, "summary")).startsWith("Approved on 2026-11-20");
        assertThat(testId(page, "allocated")).isEqualTo("12,000.00 GBP from Libraries community fund, leaving 38,000.00 GBP");
        assertThat(testId(page, "panel")).contains("Dana Reeves").contains("commissioner, chair")
                .contains("Approve").contains("Built on skills the community already has")
                .contains("Farah Haddad").contains("Declared: My partner volunteers at the repair café (recused)").contains("Recused, could not vote")
                .contains("Neighbour K7PQ2M").contains("citizen");
        assertThat(testId(page, "initiative")).contains("Green Shoots CIC").contains("On track").contains("6");
        assertThat(testId(page, "indicators")).contains("Young people gain practical skills").contains("14 (2026-11-28)").contains("40");
    }

    @Test
    void anUnknownDecisionIsNotFound() throws Exception {
        Page page = visitor().getPage(url("/register/no-such-case"));

        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
    }

    @Test
    void theJsonDownloadValidatesAgainstItsSchemaAndHoldsWhatTheAuditServiceGave() throws Exception {
        Page download = visitor().getPage(url("/register/decisions.json"));
        Schema schema = SCHEMAS.getSchema(visitor().getPage(url("/register/decisions.schema.json")).getWebResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(download.getWebResponse().getContentType()).isEqualTo("application/json");
        assertThat(download.getWebResponse().getResponseHeaderValue("Content-Disposition")).contains("decisions.json");
        JsonNode downloaded = JSON.readTree(download.getWebResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(schema.validate(downloaded.toString(), com.networknt.schema.InputFormat.JSON)).isEmpty();
        assertThat(downloaded).isEqualTo(JSON.readTree(register));

        ObjectNode unknownField = downloaded.deepCopy();
        ((ObjectNode) unknownField.get("decisions").get(0)).put("memberId", "bill");
        assertThat(schema.validate(unknownField.toString(), com.networknt.schema.InputFormat.JSON)).as("a field the schema does not name").isNotEmpty();
    }

    @Test
    void theCsvDownloadHasTheSchemasColumnsInOrderAndEachRowValidatesAndMatchesTheRegister() throws Exception {
        Page download = visitor().getPage(url("/register/decisions.csv"));
        String schemaText = visitor().getPage(url("/register/decisions-csv.schema.json")).getWebResponse().getContentAsString(StandardCharsets.UTF_8);
        Schema schema = SCHEMAS.getSchema(schemaText);

        assertThat(download.getWebResponse().getContentType()).isEqualTo("text/csv");
        List<List<String>> rows = Csv.parse(download.getWebResponse().getContentAsString(StandardCharsets.UTF_8));
        List<String> columns = new ArrayList<>();
        JSON.readTree(schemaText).get("properties").fieldNames().forEachRemaining(columns::add);
        assertThat(rows.get(0)).isEqualTo(columns);
        assertThat(rows).hasSize(3);
        for (List<String> row : rows.subList(1, rows.size())) {
            ObjectNode object = JSON.createObjectNode();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), row.get(i));
            }
            assertThat(schema.validate(object.toString(), com.networknt.schema.InputFormat.JSON)).as(object.toString()).isEmpty();
        }
        JsonNode decisions = JSON.readTree(register).get("decisions");
        for (int i = 0; i < decisions.size(); i++) {
            Csv.Row row = new Csv.Row(columns, rows.get(i + 1));
            RegisterCsv.assertMatches(row, decisions.get(i));
        }
        assertThat(new Csv.Row(columns, rows.get(1)).get("panel")).isEqualTo(
                "Dana Reeves (commissioner, chair) approve: Built on skills the community already has"
                        + " | Farah Haddad (commissioner, recused, declared: My partner volunteers at the repair café) did not vote"
                        + " | Neighbour K7PQ2M (citizen) approve: People I know will turn up, \"they said so\"");
        assertThat(new Csv.Row(columns, rows.get(2)).get("title")).as("a formula is defused").isEqualTo("'=Benches, in the park");
    }

    @Test
    void theAtomFeedHasAnEntryPerDecisionNewestFirst() throws Exception {
        Page feed = visitor().getPage(url("/register/feed.atom"));

        assertThat(feed.getWebResponse().getContentType()).isEqualTo("application/atom+xml");
        Document atom = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.getWebResponse().getContentAsString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
        assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        assertThat(entries.getLength()).isEqualTo(2);
        Element first = (Element) entries.item(0);
        assertThat(first.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Approved: Repair and make club at Eastfield library");
        assertThat(first.getElementsByTagName("updated").item(0).getTextContent()).isEqualTo("2026-11-20T15:30:00Z");
        assertThat(((Element) first.getElementsByTagName("link").item(0)).getAttribute("href")).isEqualTo(url("/register/case-repair"));
        assertThat(first.getElementsByTagName("summary").item(0).getTextContent()).startsWith("Approved on 2026-11-20");
        assertThat(((Element) entries.item(1)).getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Rejected: =Benches, in the park");
    }
}
