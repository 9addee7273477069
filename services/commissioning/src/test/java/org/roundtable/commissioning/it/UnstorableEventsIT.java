package org.roundtable.commissioning.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.events.EventJson;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.proposals.Money;
import org.roundtable.testsupport.EventStore;
import org.roundtable.testsupport.Eventually;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fund stored with an amount its read model cannot hold (10^12 against numeric(14, 2)) no longer stops the read
 * side: it is dead-lettered, and the funds after it still arrive.
 */
class UnstorableEventsIT extends CommissioningIntegrationTest {

    private static final String VIEWS = "/api/commissioning/operations/dead-letters/processing-groups/commissioning-views";

    @Test
    void aFundTooLargeForTheReadModelIsDeadLetteredAndLaterFundsStillArrive() throws Exception {
        String tooLarge = UUID.randomUUID().toString();
        FundCreated event = new FundCreated(tooLarge, "A trillion", AREA, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31),
                new Money(new BigDecimal("1000000000000.00"), "GBP"), List.of("dana"));
        new EventStore(jdbc).appendUnchecked("Fund", tooLarge, 0, FundCreated.class.getName(), EventJson.newMapper().writeValueAsString(event));
        String later = fund("holder-after-trillion", "5000.00");

        Eventually.within(PATIENCE, () -> assertThat(jdbc.queryForObject("select count(*) from fund_view where fund_id = ?",
                Integer.class, later)).isEqualTo(1));
        Eventually.within(PATIENCE, () -> assertThat(letters()).anySatisfy(letter -> {
            assertThat(letter.get("aggregateId").asText()).isEqualTo(tooLarge);
            assertThat(letter.get("cause").asText()).contains("numeric field overflow");
        }));
        assertThat(jdbc.queryForObject("select count(*) from fund_view where fund_id = ?", Integer.class, tooLarge)).isZero();
    }

    private List<JsonNode> letters() {
        JsonNode group = api().get(VIEWS, auditor("auditor-unstorable")).expect(200).body();
        return StreamSupport.stream(group.get("letters").spliterator(), false).toList();
    }
}
