package org.roundtable.outcomes.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roundtable.events.EventJson;
import org.roundtable.events.outcomes.IndicatorReading;
import org.roundtable.events.outcomes.ProgressReported;
import org.roundtable.testsupport.EventStore;
import org.roundtable.testsupport.Eventually;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lived experience stored as observed on 1 January 5000 BC, a date PostgreSQL cannot hold, no longer stops the read
 * side: it is dead-lettered, and the reports after it still arrive.
 */
class UnstorableEventsIT extends OutcomesIntegrationTest {

    private static final String VIEWS = "/api/outcomes/operations/dead-letters/processing-groups/initiative-views";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void aReportObservedBeforeAnyDateTheReadModelHoldsIsDeadLetteredAndLaterReportsStillArrive() throws Exception {
        String ancient = UUID.randomUUID().toString();
        String ancientReport = UUID.randomUUID().toString();
        stored(new ProgressReported(ancient, ancientReport, List.of(new IndicatorReading("indicator-1", BigDecimal.ONE)),
                "Before writing", LocalDate.of(-5000, 1, 1), LocalDate.of(2030, 1, 2), true));
        String recent = UUID.randomUUID().toString();
        String recentReport = UUID.randomUUID().toString();
        stored(new ProgressReported(recent, recentReport, List.of(new IndicatorReading("indicator-1", BigDecimal.TEN)),
                "Ten came", LocalDate.of(2030, 1, 1), LocalDate.of(2030, 1, 2), true));

        Eventually.within(PATIENCE, () -> assertThat(reported(recentReport)).isTrue());
        Eventually.within(PATIENCE, () -> assertThat(letters()).anySatisfy(letter -> {
            assertThat(letter.get("aggregateId").asText()).isEqualTo(ancient);
            assertThat(letter.get("cause").asText()).contains("out of range");
        }));
        assertThat(reported(ancientReport)).isFalse();
    }

    private void stored(ProgressReported event) throws Exception {
        new EventStore(jdbc).appendUnchecked("Initiative", event.initiativeId(), 0, ProgressReported.class.getName(),
                EventJson.newMapper().writeValueAsString(event));
    }

    private boolean reported(String reportId) {
        return jdbc.queryForObject("select count(*) from initiative_report where report_id = ?", Integer.class, reportId) == 1;
    }

    private List<JsonNode> letters() {
        JsonNode group = api().get(VIEWS, auditor("auditor-unstorable")).expect(200).body();
        return StreamSupport.stream(group.get("letters").spliterator(), false).toList();
    }
}
