package org.roundtable.participation.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.roundtable.events.EventJson;
import org.roundtable.events.Role;
import org.roundtable.events.participation.ProfileRegistered;
import org.roundtable.events.participation.WorkshopScheduled;
import org.roundtable.testsupport.EventStore;
import org.roundtable.testsupport.Eventually;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored with what the read model cannot hold — roles repeated past their column, a NUL in a name, a workshop in
 * the year 300000 — are set aside as dead letters: the profiles after them still reach the read model, and once the
 * column is widened a replay brings in the one that was too long.
 */
class UnstorableEventsIT extends ParticipationIntegrationTest {

    @Autowired
    DataSource dataSource;

    private static final String VIEWS = "/api/participation/operations/dead-letters/processing-groups/participation-views";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void eventsTheReadModelCannotStoreAreDeadLetteredAndLaterProfilesStillArriveAndAReplayAfterTheFixBringsInTheOneThatNowFits() throws Exception {
        String tooManyRoles = "roles-" + UUID.randomUUID();
        String withNul = "nul-" + UUID.randomUUID();
        stored(new ProfileRegistered(tooManyRoles, "Repeated Roles", true, Collections.nCopies(6, Role.CITIZEN), "Eastfield",
                null, null, null, false));
        stored(new ProfileRegistered(withNul, "Nul\u0000Name", true, List.of(Role.CITIZEN), "East\u0000field", null, null, null, false));
        String farFuture = "workshop-" + UUID.randomUUID();
        new EventStore(jdbc).appendUnchecked("Participation", farFuture, 0, WorkshopScheduled.class.getName(), EventJson.newMapper()
                .writeValueAsString(new WorkshopScheduled(farFuture, farFuture, "In the year 300000", Instant.parse("+300000-01-01T10:00:00Z"),
                        "Eastfield library", false)));
        String later = "later-" + UUID.randomUUID();
        expect(204, api().put("/api/participation/profile", citizen(later),
                Map.of("displayName", "Later Person", "roles", List.of("CITIZEN"), "neighbourhood", "Eastfield", "namedPublicly", true)));

        Eventually.within(PATIENCE, () -> assertThat(profiled(later)).isTrue());
        Eventually.within(PATIENCE, () -> assertThat(causes()).containsKeys(tooManyRoles, withNul, farFuture));
        assertThat(causes().get(tooManyRoles)).contains("value too long for type character varying(40)");
        assertThat(causes().get(withNul)).contains("0x00");
        assertThat(profiled(tooManyRoles)).isFalse();
        assertThat(profiled(withNul)).isFalse();

        jdbc.execute("alter table profile_view alter column roles type varchar(200)");
        freshConnections();
        JsonNode replay = api().post(VIEWS + "/replay", auditor("auditor-unstorable"), null).expect(200).body();

        assertThat(replay.get("handled").asLong()).isEqualTo(1);
        assertThat(replay.get("remaining").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select roles from profile_view where participant_id = ?", String.class, tooManyRoles))
                .isEqualTo(String.join(",", Collections.nCopies(6, "CITIZEN")));
        assertThat(causes()).containsOnlyKeys(withNul, farFuture);
    }

    /** As after deploying a migration: no pooled connection keeps a statement planned for the old column. */
    private void freshConnections() throws Exception {
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    private void stored(ProfileRegistered event) throws Exception {
        new EventStore(jdbc).appendUnchecked("Profile", event.participantId(), 0, ProfileRegistered.class.getName(),
                EventJson.newMapper().writeValueAsString(event));
    }

    private boolean profiled(String participantId) {
        return jdbc.queryForObject("select count(*) from profile_view where participant_id = ?", Integer.class, participantId) == 1;
    }

    private Map<String, String> causes() {
        JsonNode group = api().get(VIEWS, auditor("auditor-unstorable")).expect(200).body();
        Map<String, String> causes = new java.util.HashMap<>();
        StreamSupport.stream(group.get("letters").spliterator(), false)
                .forEach(letter -> causes.put(letter.get("aggregateId").asText(), letter.get("cause").asText()));
        return causes;
    }
}
