package org.roundtable.proposals;

import org.junit.jupiter.api.Test;
import org.roundtable.proposals.domain.Proposal;
import org.roundtable.kit.authority.AuthorityTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may send each command this service handles, from the declarations, is what the README tells its readers. */
class AuthorityTableTest {

    @Test
    void theReadmeShowsWhoMaySendEveryCommand() throws IOException {
        String table = AuthorityTable.render(AuthorityTable.commandsHandledBy(Proposal.class));
        System.out.println(table);
        assertThat(table).contains("| `DraftProposal` | CITIZEN, STAFF | become its author and first co-designer |");
        assertThat(AuthorityTable.section(Files.readString(Path.of("../../README.md")), "proposals")).isEqualTo(table);
    }
}
