package org.roundtable.audit.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.audit.history.LedgerReader;
import org.roundtable.audit.powermap.PowerMap;
import org.roundtable.audit.powermap.PowerMaps;
import org.roundtable.audit.projection.PowerMapFollower;
import org.roundtable.audit.projection.PowerMapTables;
import org.roundtable.events.Actor;
import org.roundtable.events.EventEnvelope;
import org.roundtable.events.Role;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.proposals.AssetKind;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The power map kept in its tables as the ledger grows is the map computed at once from every entry the ledger holds:
 * for open and closed periods, periods of whole days (read from the per-day sums) and of minutes (read from the
 * entries' own rows) and all of time (read from the sums kept since the first entry), in every service area and in one;
 * after the tables are rebuilt; and after the ledger is found behind them.
 */
class KeptPowerMapIT extends AuditIntegrationTest {

    @Autowired
    private PowerMapTables tables;
    @Autowired
    private PowerMapFollower follower;
    @Autowired
    private LedgerReader ledger;

    private GardenJourney journey;
    private GardenJourney later;

    @BeforeEach
    void journeysOverSeveralDaysAreInTheLedger() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(9, ChronoUnit.DAYS);
        journey = GardenJourney.startingAt(start).publish(codec, jdbc);
        later = GardenJourney.startingAt(start.plus(3, ChronoUnit.DAYS).plus(7, ChronoUnit.HOURS)).publish(codec, jdbc);
    }

    @Test
    void theKeptMapIsTheMapComputedFromEveryEntry() {
        follower.catchUp();
        assertSameMaps();
    }

    @Test
    void aRebuiltMapIsTheSameMap() {
        follower.catchUp();
        PowerMap before = PowerMaps.of(tables, null, null, null);

        follower.rebuild();

        assertThat(PowerMaps.of(tables, null, null, null)).isEqualTo(before);
        assertSameMaps();
    }

    @Test
    void aLedgerBehindTheTablesHasThemFoldedAgain() {
        follower.catchUp();
        jdbc.update("update power_map_folded set position = position + 1000");
        jdbc.update("insert into power_map_contribution (position, occurred_at, area, actor_id, role, measure) "
                + "values (0, now(), ?, 'nobody', 'CITIZEN', 'VOTE_CAST')", journey.serviceArea());

        follower.catchUp();

        assertThat(PowerMaps.of(tables, null, null, null).actors()).noneMatch(actor -> actor.actorId().equals("nobody"));
        assertThat(jdbc.queryForObject("select position from power_map_folded", Long.class)).isEqualTo(ledger.lastPosition());
        assertSameMaps();
    }

    @Test
    void aRecusalDeclaredAgainCountsOnceAndAWithdrawnPledgeNotAtAllInTheMapOfAllTimeAsInEveryOther() throws Exception {
        follower.catchUp();
        String suffix = later.id("dana").substring("dana".length());
        String earlyPledge = "pledge-early" + suffix;
        Actor eli = new Actor(later.id("eli"), Role.COMMISSIONER, "Eli Morgan");
        Actor laterBill = Actor.of(later.id("bill"), Role.CITIZEN);
        Actor bill = Actor.of(journey.id("bill"), Role.CITIZEN);
        EventEnvelope[] more = {
                envelope(later.caseId(), eli, new InterestDeclared(later.caseId(), eli.subjectId(), true, "still my sister's café", true,
                        later.proposalId()), later.at(24), 50),
                envelope(later.proposalId(), laterBill, new PledgeWithdrawn(later.proposalId(), "pledge" + suffix, laterBill.subjectId()),
                        later.at(95), 50),
                // withdrawn before the pledge is heard of: it never counts for all time
                envelope(journey.proposalId(), bill, new PledgeWithdrawn(journey.proposalId(), earlyPledge, bill.subjectId()), journey.at(13), 50),
                envelope(journey.proposalId(), bill, new AssetPledged(journey.proposalId(), earlyPledge, bill.subjectId(), "Bill Turner",
                        AssetKind.TIME, "litter picking", 2), journey.at(14), 51)};
        publish(more);
        awaitLedgerHolds(more);

        follower.catchUp();

        PowerMap allTime = PowerMaps.of(tables, null, null, null);
        assertThat(actor(allTime, eli.subjectId()).recusals()).as("one case, declared twice").isEqualTo(1);
        assertThat(actor(allTime, laterBill.subjectId()).hoursPledgedPerMonth()).as("withdrawn").isZero();
        assertThat(actor(allTime, bill.subjectId()).hoursPledgedPerMonth()).as("the journey's pledge; not the one withdrawn first").isEqualTo(4);
        assertSameMaps();
        follower.rebuild();
        assertThat(PowerMaps.of(tables, null, null, null)).as("folded again from the first entry").isEqualTo(allTime);
    }

    private static PowerMap.ActorPower actor(PowerMap map, String actorId) {
        return map.actors().stream().filter(actor -> actor.actorId().equals(actorId)).findFirst().orElseThrow();
    }

    private void assertSameMaps() {
        List<org.roundtable.audit.history.RecordedEvent> everyEntry = ledger.after(0, Integer.MAX_VALUE);
        LocalDate firstDay = LocalDate.ofInstant(journey.start(), ZoneOffset.UTC);
        List<Instant[]> periods = new ArrayList<>(List.of(
                new Instant[]{null, null},
                new Instant[]{journey.at(35), journey.at(60)},
                new Instant[]{journey.at(-2000), later.at(61)},
                new Instant[]{day(firstDay.minusDays(2)), day(firstDay.plusDays(2))},
                new Instant[]{day(firstDay), null},
                new Instant[]{null, day(firstDay.plusDays(4))},
                new Instant[]{journey.at(11), day(firstDay.plusDays(5))},
                new Instant[]{day(firstDay.plusDays(1)), later.at(30)}));
        for (Instant[] period : periods) {
            for (String area : Arrays.asList(null, journey.serviceArea(), later.serviceArea().toUpperCase())) {
                PowerMap kept = PowerMaps.of(tables, period[0], period[1], area);
                PowerMap computed = PowerMaps.of(everyEntry, period[0], period[1], area);
                assertThat(kept).as("from %s to %s in %s", period[0], period[1], area).isEqualTo(computed);
            }
        }
        PowerMap ours = PowerMaps.of(tables, journey.at(-2000), journey.at(200), journey.serviceArea());
        assertThat(ours.decisions()).as("the map is not empty").hasSize(1);
        assertThat(ours.actors()).hasSizeGreaterThan(5);
    }

    private static Instant day(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

}
