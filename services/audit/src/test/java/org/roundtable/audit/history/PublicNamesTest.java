package org.roundtable.audit.history;

import org.junit.jupiter.api.Test;
import org.roundtable.events.Role;
import org.roundtable.events.participation.ProfileCorrected;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The naming rule, role by role. */
class PublicNamesTest {

    private final List<RecordedEvent> ledger = new ArrayList<>(LibraryGarden.ledger());

    @Test
    void everyoneInAPublicOfficeIsNamedAsTheyActed() {
        ledger.addAll(new LedgerStory().by("hana", Role.AUDITOR, "Hana Sato")
                .at("2026-05-01T09:00:00Z", LibraryGarden.profile("hana", "Hana S.", true)).entries());
        PublicNames names = PublicNames.from(ledger);

        assertThat(names.of("dana", "COMMISSIONER")).isEqualTo("Dana Reeves");
        assertThat(names.of("chen", "STAFF")).isEqualTo("Chen Li");
        assertThat(names.of("greenshoots", "PROVIDER")).isEqualTo("Green Shoots CIC");
        assertThat(names.of("hana", "AUDITOR")).isEqualTo("Hana Sato");
        assertThat(names.of("hana", "CITIZEN")).as("the same person acting as a citizen: by her profile").isEqualTo("Hana S.");
        assertThat(names.of("roundtable-outcomes", "SYSTEM")).isEqualTo("Roundtable outcomes");
    }

    @Test
    void aCitizenIsNamedOnlyWithConsentOtherwiseByPseudonymAndNeverByLogin() {
        PublicNames names = PublicNames.from(ledger);

        assertThat(names.of("amara", "CITIZEN")).isEqualTo("Amara Okafor");
        assertThat(names.of("gus", "CITIZEN")).isEqualTo("Quiet Heron");
        assertThat(names.of("nobody-with-a-profile", "CITIZEN")).isNull();
    }

    @Test
    void withdrawingConsentChangesTheNameFromThenOnButNotTheEntries() {
        List<RecordedEvent> before = List.copyOf(ledger);
        ledger.addAll(new LedgerStory().by("amara", Role.CITIZEN).at("2026-06-01T09:00:00Z", new ProfileCorrected("amara",
                "Neighbour A7K2PQ", false, List.of(Role.CITIZEN), "Eastfield", null, null, null, false)).entries());

        assertThat(PublicNames.from(ledger).of("amara", "CITIZEN")).isEqualTo("Neighbour A7K2PQ");
        assertThat(ledger.subList(0, before.size())).isEqualTo(before);
        assertThat(PublicNames.from(before).of("amara", "CITIZEN")).isEqualTo("Amara Okafor");
    }
}
