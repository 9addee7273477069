package org.roundtable.web.register;

import org.roundtable.events.proposals.Money;
import org.roundtable.web.services.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The register as open data: a JSON document (the audit service's register, field for field) and a CSV file (RFC 4180,
 * one row per decision), each with a JSON Schema that documents it. The CSV's columns are the properties of its schema,
 * in order; the schema is the one place their meaning is written, and the register page shows it.
 */
final class OpenData {

    static final String JSON_SCHEMA = "open-data/decisions.schema.json";
    static final String CSV_SCHEMA = "open-data/decisions-csv.schema.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The columns, in order, and how each is read from a decision. */
    private static final Map<String, Function<Api.RegisteredDecision, Object>> COLUMNS = columns();

    /** A documented column: its name and what it means, read from the schema. */
    record Column(String name, String description) {
    }

    private OpenData() {
    }

    private static Map<String, Function<Api.RegisteredDecision, Object>> columns() {
        Map<String, Function<Api.RegisteredDecision, Object>> columns = new LinkedHashMap<>();
        columns.put("case_id", Api.RegisteredDecision::caseId);
        columns.put("proposal_id", Api.RegisteredDecision::proposalId);
        columns.put("title", Api.RegisteredDecision::title);
        columns.put("service_area", Api.RegisteredDecision::serviceArea);
        columns.put("outcome", Api.RegisteredDecision::outcome);
        columns.put("decided_at", Api.RegisteredDecision::decidedAt);
        columns.put("closed_by", Api.RegisteredDecision::closedBy);
        columns.put("asked_amount", decision -> amount(decision.asked()));
        columns.put("asked_currency", decision -> currency(decision.asked()));
        columns.put("fund", Api.RegisteredDecision::fund);
        columns.put("allocated_amount", decision -> amount(decision.allocated()));
        columns.put("allocated_currency", decision -> currency(decision.allocated()));
        columns.put("fund_remaining_amount", decision -> amount(decision.fundRemaining()));
        columns.put("panel_size", decision -> decision.panel().size());
        columns.put("commissioners", decision -> decision.seated(true));
        columns.put("citizen_members", decision -> decision.seated(false));
        columns.put("recused", Api.RegisteredDecision::recused);
        columns.put("votes_approve", decision -> decision.votes("APPROVE"));
        columns.put("votes_reject", decision -> decision.votes("REJECT"));
        columns.put("votes_abstain", decision -> decision.votes("ABSTAIN"));
        columns.put("panel", OpenData::panel);
        columns.put("initiative_status", decision -> decision.initiative() == null ? null : decision.initiative().status());
        columns.put("initiative_provider", decision -> decision.initiative() == null ? null : decision.initiative().provider());
        columns.put("hours_given", decision -> decision.initiative() == null ? null : decision.initiative().hoursGiven());
        columns.put("summary", Api.RegisteredDecision::summary);
        return columns;
    }

    static String json(Api.Register register) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(register);
    }

    static String csv(Api.Register register) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS.keySet())).append("\r\n");
        for (Api.RegisteredDecision decision : register.decisions()) {
            csv.append(COLUMNS.values().stream().map(column -> field(column.apply(decision))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** The CSV's columns with their meaning, as its schema documents them. */
    static List<Column> documentedColumns() {
        JsonNode properties = schema(CSV_SCHEMA).path("properties");
        List<Column> documented = new ArrayList<>();
        for (String name : COLUMNS.keySet()) {
            documented.add(new Column(name, properties.path(name).path("description").asString("")));
        }
        return documented;
    }

    static String schemaText(String resource) {
        try (InputStream in = OpenData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static JsonNode schema(String resource) {
        return JSON.readTree(schemaText(resource));
    }

    /** Each member: name (role, chair, recused: interest) vote: rationale; members separated by " | ". */
    private static String panel(Api.RegisteredDecision decision) {
        return decision.panel().stream().map(seat -> {
            List<String> about = new ArrayList<>();
            about.add(seat.role() == null ? "member" : seat.role().toLowerCase(Locale.ROOT));
            if (seat.chair()) {
                about.add("chair");
            }
            if (seat.interest() != null) {
                about.add((seat.recused() ? "recused, declared: " : "declared: ") + seat.interest());
            } else if (seat.recused()) {
                about.add("recused");
            }
            String vote = seat.vote() == null ? "did not vote" : seat.vote().toLowerCase(Locale.ROOT)
                    + (seat.rationale() == null ? "" : ": " + seat.rationale());
            return seat.name() + " (" + String.join(", ", about) + ") " + vote;
        }).collect(Collectors.joining(" | "));
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    private static String currency(Money money) {
        return money == null ? null : money.currency();
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; a formula-looking text is defused. */
    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof BigDecimal)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
