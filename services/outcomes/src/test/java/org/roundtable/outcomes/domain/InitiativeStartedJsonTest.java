package org.roundtable.outcomes.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.roundtable.events.EventJson;
import org.roundtable.events.outcomes.DraftIndicator;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.proposals.Money;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The co-designers added to {@link InitiativeStarted} travel in its JSON, and JSON stored without them still reads. */
class InitiativeStartedJsonTest {

    final ObjectMapper json = EventJson.newMapper();

    @Test
    void coDesignersTravelInTheJson() throws Exception {
        InitiativeStarted started = new InitiativeStarted("i-1", "p-1", "c-1", "Library garden", "libraries",
                new Money(new BigDecimal("1000.00"), "GBP"), List.of(new DraftIndicator("indicator-1", "connection")), List.of("amara"));

        assertThat(json.readValue(json.writeValueAsBytes(started), InitiativeStarted.class)).isEqualTo(started);
    }

    @Test
    void anInitiativeStoredWithoutCoDesignersReadsWithNone() throws Exception {
        String stored = "{\"initiativeId\":\"i-1\",\"proposalId\":\"p-1\",\"caseId\":\"c-1\",\"title\":\"Library garden\","
                + "\"serviceArea\":\"libraries\",\"indicators\":[{\"indicatorId\":\"indicator-1\",\"name\":\"connection\"}]}";

        InitiativeStarted read = json.readValue(stored, InitiativeStarted.class);

        assertThat(read.coDesignerIds()).isEmpty();
        assertThat(read.indicators()).containsExactly(new DraftIndicator("indicator-1", "connection"));
    }
}
