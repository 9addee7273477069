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

    @Test
    void actorsAreOneHeaderRowThenOneRowPerActorAndRoleWithCrlfLineEnds() {
        String csv = PowerMapCsv.actors(PowerMaps.of(LibraryGarden.ledger(), null, null, null));

        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("actorId,name,role,decisionsClosed,decisionsVotedIn,votesCast,recusals,fundsHeld,"
                + "fundsAllocatedAsHolder,fundsAllocatedOnPanel,hoursPledgedPerMonth,hoursGiven,proposalsDrafted,coDesignsJoined,"
                + "workshopContributions");
        assertThat(lines).contains("dana,Dana Reeves,COMMISSIONER,1,1,1,0,10000.00 GBP,1200.00 GBP,1200.00 GBP,0,0,0,0,0",
                "eli,Eli Morgan,COMMISSIONER,0,0,0,1,10000.00 GBP,1200.00 GBP,,0,0,0,0,0",
                "bill,Bill Turner,CITIZEN,0,0,0,0,,,,4,3.5,0,0,0");
        assertThat(lines[lines.length - 1]).as("the last record ends with CRLF too").isEmpty();
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndFormulasDefused() {
        DecisionAtTable decision = new DecisionAtTable("case-1", "proposal-1", "Gardens, \"green\" spaces\nand ponds", "parks",
                "APPROVED", Instant.parse("2026-03-04T12:00:00Z"), "=HYPERLINK(\"x\")", "COMMISSIONER", 3, 1, 2, 2, 1, 0, gbp("300.00"));
        PowerMap map = new PowerMap(null, null, null, List.of(), List.of(decision), 0);

        String[] lines = PowerMapCsv.decisions(map).split("\r\n");

        assertThat(lines[0]).startsWith("caseId,proposalId,title,serviceArea,outcome,decidedAt,closedBy,closedByRole,panelSize,");
        assertThat(lines[1]).isEqualTo("case-1,proposal-1,\"Gardens, \"\"green\"\" spaces\nand ponds\",parks,APPROVED,"
                + "2026-03-04T12:00:00Z,\"'=HYPERLINK(\"\"x\"\")\",COMMISSIONER,3,1,2,2,1,0,300.00 GBP");
    }

    @Test
    void severalCurrenciesShareOneFieldAndNumbersAreNeverDefused() {
        ActorPower actor = new ActorPower("-x", null, null, 0, 0, 0, 0,
                List.of(new Money(new BigDecimal("700.00"), "EUR"), gbp("10.00")), List.of(), List.of(), -1, new BigDecimal("-2.5"), 0, 0, 0);

        String row = PowerMapCsv.actors(new PowerMap(null, null, null, List.of(actor), List.of(), 0)).split("\r\n")[1];

        assertThat(row).isEqualTo("'-x,,,0,0,0,0,700.00 EUR; 10.00 GBP,,,-1,-2.5,0,0,0");
    }
}
