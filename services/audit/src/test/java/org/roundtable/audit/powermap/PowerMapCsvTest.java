package org.roundtable.audit.powermap;

import org.junit.jupiter.api.Test;
import org.roundtable.audit.history.LibraryGarden;
import org.roundtable.audit.powermap.PowerMap.ActorPower;
import org.roundtable.audit.powermap.PowerMap.DecisionAtTable;
import org.roundtable.events.proposals.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.audit.history.LibraryGarden.gbp;

class PowerMapCsvTest {

    private final PowerMap garden = PowerMaps.of(LibraryGarden.ledger(), null, null, null);

    @Test
    void actorsAreOneHeaderRowOfPlainWordsThenOneRowPerActorAndRoleWithMoneyAsNumbersAndCrlfLineEnds() {
        String csv = PowerMapCsv.actors(garden);

        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("Person id,Name,Role,Decisions closed,Decisions voted in,Votes cast,Recusals,Funds held,"
                + "Allocated by decisions they voted in,Currency,Hours pledged per month,Hours given,Proposals drafted,"
                + "Co-designs joined,Workshop contributions");
        assertThat(lines).contains("dana,Dana Reeves,COMMISSIONER,1,1,1,0,Libraries 2026,1200.00,GBP,0,0,0,0,0",
                "eli,Eli Morgan,COMMISSIONER,0,0,0,1,Libraries 2026,,,0,0,0,0,0",
                "bill,Bill Turner,CITIZEN,0,0,0,0,,,,4,3.5,0,0,0");
        assertThat(lines[lines.length - 1]).as("the last record ends with CRLF too").isEmpty();
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void aJointFundIsOneRowWithItsHoldersAndItsMoneyOnce() {
        String[] lines = PowerMapCsv.funds(garden).split("\r\n");

        assertThat(lines).containsExactly(
                "Fund id,Fund,Service area,Period start,Period end,Held by,Amount,Allocated in period,Currency",
                "fund-libraries,Libraries 2026,libraries,2026-01-01,2026-12-31,Dana Reeves; Eli Morgan,10000.00,1200.00,GBP");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndFormulasDefused() {
        DecisionAtTable decision = new DecisionAtTable("case-1", "proposal-1", "Gardens, \"green\" spaces\nand ponds", "parks",
                "APPROVED", Instant.parse("2026-03-04T12:00:00Z"), "dana", "=HYPERLINK(\"x\")", "COMMISSIONER", 3, 1, 2, 2, 1, 0, gbp("300.00"));
        String[] lines = PowerMapCsv.decisions(List.of(decision)).split("\r\n");

        assertThat(lines[0]).startsWith("Case id,Proposal id,Title,Service area,Outcome,Decided at,Closed by,Closed by (role),Panel size,");
        assertThat(lines[1]).isEqualTo("case-1,proposal-1,\"Gardens, \"\"green\"\" spaces\nand ponds\",parks,APPROVED,"
                + "2026-03-04T12:00:00Z,\"'=HYPERLINK(\"\"x\"\")\",COMMISSIONER,3,1,2,2,1,0,300.00,GBP");
    }

    @Test
    void severalCurrenciesAreARowEachAndNumbersAreNeverDefused() {
        ActorPower actor = new ActorPower("-x", null, null, 0, 0, 0, 0, List.of(),
                List.of(new Money(new BigDecimal("700.00"), "EUR"), gbp("10.00")), -1, new BigDecimal("-2.5"), 0, 0, 0);

        String[] rows = PowerMapCsv.actors(new PowerMap(null, null, null, List.of(), List.of(), List.of(actor), List.of(), null, 0)).split("\r\n");

        assertThat(rows).containsSubsequence("'-x,,,0,0,0,0,,700.00,EUR,-1,-2.5,0,0,0", "'-x,,,0,0,0,0,,10.00,GBP,-1,-2.5,0,0,0");
    }
}
