package org.roundtable.web.register;

import com.fasterxml.jackson.databind.JsonNode;
import org.roundtable.testsupport.Csv.Row;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Compares a row of the register's CSV with the register's JSON. */
public final class RegisterCsv {

    private RegisterCsv() {
    }

    /** The row says what the register's decision says, column by column. */
    public static void assertMatches(Row row, JsonNode decision) {
        assertThat(row.get("case_id")).isEqualTo(decision.get("caseId").asText());
        assertThat(row.get("proposal_id")).isEqualTo(decision.get("proposalId").asText());
        assertThat(row.get("title").replaceFirst("^'(?=[=+\\-@])", "")).isEqualTo(decision.get("title").asText());
        assertThat(row.get("service_area")).isEqualTo(text(decision.get("serviceArea")));
        assertThat(row.get("outcome")).isEqualTo(text(decision.get("outcome")));
        assertThat(java.time.Instant.parse(row.get("decided_at"))).isEqualTo(java.time.Instant.parse(decision.get("decidedAt").asText()));
        assertThat(row.get("closed_by")).isEqualTo(text(decision.get("closedBy")));
        assertAmount(row.get("asked_amount"), decision.get("asked"));
        assertAmount(row.get("allocated_amount"), decision.get("allocated"));
        assertAmount(row.get("fund_remaining_amount"), decision.get("fundRemaining"));
        assertThat(row.get("allocated_currency")).isEqualTo(decision.get("allocated").isNull() ? "" : decision.get("allocated").get("currency").asText());
        assertThat(row.get("fund")).isEqualTo(text(decision.get("fund")));
        JsonNode panel = decision.get("panel");
        assertThat(Integer.parseInt(row.get("panel_size"))).isEqualTo(panel.size());
        int commissioners = 0;
        int recused = 0;
        int approve = 0;
        int reject = 0;
        int abstain = 0;
        for (JsonNode member : panel) {
            commissioners += "COMMISSIONER".equals(member.get("role").asText()) ? 1 : 0;
            recused += member.get("recused").asBoolean() ? 1 : 0;
            String vote = member.get("vote").isNull() ? "" : member.get("vote").asText();
            approve += vote.equals("APPROVE") ? 1 : 0;
            reject += vote.equals("REJECT") ? 1 : 0;
            abstain += vote.equals("ABSTAIN") ? 1 : 0;
            assertThat(row.get("panel")).contains(member.get("name").asText());
        }
        assertThat(Integer.parseInt(row.get("commissioners"))).isEqualTo(commissioners);
        assertThat(Integer.parseInt(row.get("citizen_members"))).isEqualTo(panel.size() - commissioners);
        assertThat(Integer.parseInt(row.get("recused"))).isEqualTo(recused);
        assertThat(Integer.parseInt(row.get("votes_approve"))).isEqualTo(approve);
        assertThat(Integer.parseInt(row.get("votes_reject"))).isEqualTo(reject);
        assertThat(Integer.parseInt(row.get("votes_abstain"))).isEqualTo(abstain);
        JsonNode initiative = decision.get("initiative");
        assertThat(row.get("initiative_status")).isEqualTo(initiative.isNull() ? "" : text(initiative.get("status")));
        assertThat(row.get("initiative_provider")).isEqualTo(initiative.isNull() ? "" : text(initiative.get("provider")));
        assertThat(row.get("summary")).isEqualTo(text(decision.get("summary")));
    }

    private static void assertAmount(String field, JsonNode money) {
        if (money == null || money.isNull()) {
            assertThat(field).isEmpty();
        } else {
            assertThat(new BigDecimal(field)).isEqualByComparingTo(money.get("amount").decimalValue());
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }
}
