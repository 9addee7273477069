package org.roundtable.commissioning.it;

import org.junit.jupiter.api.Test;
import org.roundtable.commissioning.CommissioningApplication;
import org.roundtable.testsupport.AnotherInstance;
import org.roundtable.testsupport.Eventually;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A panel's deadline is a scheduled row of the service's database: moved on re-assembly, removed by a decision, fired once. */
class CaseDeadlinesIT extends CommissioningIntegrationTest {

    @Test
    void aCaseClosesOnceAtItsDeadlineAndANewPanelHasADeadlineOfItsOwn() throws Exception {
        String fundId = fund("ali", "5000.00");
        String caseId = submitted(UUID.randomUUID().toString());
        Instant first = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        assemble(caseId, fundId, first);
        Eventually.within(PATIENCE, () -> assertThat(scheduled(caseId)).containsExactly(first));
        expect(204, api().post("/api/commissioning/cases/" + caseId + "/closure", commissioner("ali"),
                Map.of("reason", "two members could not come; a new panel will sit")));
        Eventually.within(PATIENCE, () -> assertThat(scheduled(caseId)).isEmpty());

        Instant second = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        assemble(caseId, fundId, second);
        Eventually.within(PATIENCE, () -> assertThat(scheduled(caseId)).containsExactly(second));
        assertThat(decisions(caseId)).isEqualTo(1);

        Eventually.within(PATIENCE, () -> assertThat(decisions(caseId)).isEqualTo(2));
        assertThat(Instant.now()).isAfterOrEqualTo(second);
        // a one-time deadline's row is deleted once it has run: with none left, nothing can close the case again
        Eventually.within(PATIENCE, () -> assertThat(scheduled(caseId)).isEmpty());
        assertThat(decisions(caseId)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%DecisionReached'"
                + " and position('closed at its deadline' in convert_from(payload, 'UTF8')) > 0", Long.class, caseId)).isEqualTo(1);
    }

    @Test
    void aCaseTheChairClosesFirstLeavesNoDeadlineBehind() throws Exception {
        String fundId = fund("ali", "5000.00");
        String caseId = submitted(UUID.randomUUID().toString());
        assemble(caseId, fundId, DEADLINE);
        Eventually.within(PATIENCE, () -> assertThat(scheduled(caseId)).containsExactly(DEADLINE));

        expect(204, api().post("/api/commissioning/cases/" + caseId + "/closure", commissioner("ali"),
                Map.of("reason", "the proposers asked for more time to gather pledges")));

        Eventually.within(PATIENCE, () -> assertThat(scheduled(caseId)).isEmpty());
    }

    @Test
    void withTwoInstancesRunningEachCaseClosesOnceAtItsDeadline() throws Exception {
        try (AnotherInstance second = AnotherInstance.start(CommissioningApplication.class, "commissioning", "commissioning-second",
                "roundtable.inbox.retries=1", "roundtable.inbox.retry-interval=100ms", "roundtable.commissioning.deadline-poll=500ms")) {
            String fundId = fund("ali", "50000.00");
            List<String> caseIds = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                caseIds.add(submitted(UUID.randomUUID().toString()));
            }
            Instant due = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
            caseIds.forEach(caseId -> assemble(caseId, fundId, due));

            // each case's row goes once its deadline has run: with every row gone, no scheduler can close a case again
            for (String caseId : caseIds) {
                Eventually.within(PATIENCE, () -> assertThat(decisions(caseId)).isEqualTo(1));
                Eventually.within(PATIENCE, () -> assertThat(scheduled(caseId)).isEmpty());
            }
            for (String caseId : caseIds) {
                assertThat(decisions(caseId)).as("decisions of case %s", caseId).isEqualTo(1);
            }
        }
    }

    private void assemble(String caseId, String fundId, Instant deadline) {
        Map<String, Object> form = panel(fundId, "ali", "bea", "cal", null);
        form.put("deadline", deadline.toString());
        expect(204, api().post("/api/commissioning/cases/" + caseId + "/panel", commissioner("ali"), form));
    }

    private long decisions(String caseId) {
        return storedEventTypes(caseId).stream().filter("DecisionReached"::equals).count();
    }

    private List<Instant> scheduled(String caseId) {
        return jdbc.queryForList("select execution_time from case_deadlines where task_instance = ?", Timestamp.class, caseId)
                .stream().map(Timestamp::toInstant).toList();
    }
}
