package org.roundtable.participation;

import org.junit.jupiter.api.Test;
import org.roundtable.participation.domain.Participation;
import org.roundtable.participation.domain.Profile;
import org.roundtable.kit.authority.AuthorityTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may send each command this service handles, from the declarations, is what the README tells its readers. */
class AuthorityTableTest {

    @Test
    void theReadmeShowsWhoMaySendEveryCommand() throws IOException {
        String table = AuthorityTable.render(AuthorityTable.commandsHandledBy(Participation.class, Profile.class));
        System.out.println(table);
        assertThat(table).contains("| `WithdrawPledge` | CITIZEN, STAFF | made the pledge |");
        assertThat(AuthorityTable.section(Files.readString(Path.of("../../README.md")), "participation")).isEqualTo(table);
    }
}
