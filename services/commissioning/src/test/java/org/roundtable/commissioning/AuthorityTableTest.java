package org.roundtable.commissioning;

import org.junit.jupiter.api.Test;
import org.roundtable.commissioning.domain.CaseProcedures;
import org.roundtable.commissioning.domain.DecisionCase;
import org.roundtable.commissioning.domain.Fund;
import org.roundtable.kit.authority.AuthorityTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may send each command this service handles, from the declarations, is what the README tells its readers. */
class AuthorityTableTest {

    @Test
    void theReadmeShowsWhoMaySendEveryCommand() throws IOException {
        String table = AuthorityTable.render(AuthorityTable.commandsHandledBy(DecisionCase.class, Fund.class, CaseProcedures.class));
        System.out.println(table);
        assertThat(table).contains("| `AssemblePanel` | COMMISSIONER | hold the fund the panel draws on |");
        assertThat(AuthorityTable.section(Files.readString(Path.of("../../README.md")), "commissioning")).isEqualTo(table);
    }
}
