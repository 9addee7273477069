package org.roundtable.kit.names;

import org.junit.jupiter.api.Test;
import org.roundtable.events.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicNamesTest {

    private final Pseudonyms pseudonyms = new Pseudonyms("a key of at least sixteen characters");
    private final Map<String, String> consented = new HashMap<>();
    private final PublicNames names = new PublicNames(id -> Optional.ofNullable(consented.get(id)), pseudonyms);

    @Test
    void aCitizenIsShownByLoginIdAndNameOnlyWhileTheyConsent() {
        consented.put("bill", "Bill Turner");
        assertThat(names.citizen("bill")).isEqualTo(new PublicNames.Shown("bill", "Bill Turner"));

        consented.remove("bill");
        PublicNames.Shown withdrawn = names.citizen("bill");
        assertThat(withdrawn.id()).startsWith("neighbour-").isEqualTo(pseudonyms.idOf("bill")).doesNotContain("bill");
        assertThat(withdrawn.name()).startsWith("Neighbour ").isEqualTo(pseudonyms.of("bill"));
        assertThat(names.actor("bill", Role.CITIZEN)).as("acting as a citizen").isEqualTo(withdrawn);
        assertThat(names.actor("bill", (Role) null)).as("of no known role: as a citizen").isEqualTo(withdrawn);
    }

    @Test
    void officeHoldersAreNamedByTheNameTheyActedUnderOrTheirConsentedNameOrTheirId() {
        assertThat(names.actor("dana", Role.COMMISSIONER, "Dana Reeves")).isEqualTo(new PublicNames.Shown("dana", "Dana Reeves"));
        assertThat(names.actor("greenshoots", Role.PROVIDER)).isEqualTo(new PublicNames.Shown("greenshoots", "greenshoots"));
        consented.put("chen", "Chen Li");
        assertThat(names.actor("chen", "STAFF", null)).isEqualTo(new PublicNames.Shown("chen", "Chen Li"));
    }

    @Test
    void everyoneSeesThemselvesByTheirOwnLoginId() {
        assertThat(names.seenBy("bill", "bill", Role.CITIZEN)).isEqualTo(new PublicNames.Shown("bill", pseudonyms.of("bill")));
        assertThat(names.seenBy("amara", "bill", Role.CITIZEN).id()).isEqualTo(pseudonyms.idOf("bill"));
        assertThat(names.seenBy(null, "bill", "CITIZEN").id()).isEqualTo(pseudonyms.idOf("bill"));
    }

    @Test
    void namesKnowingAPagesPeopleAskForTheirConsentsOnceAndNameEveryoneByTheSameRule() {
        consented.put("bill", "Bill Turner");
        consented.put("chen", "Chen Li");
        List<Collection<String>> batches = new ArrayList<>();
        List<String> single = new ArrayList<>();
        PublicNames counting = new PublicNames(new PublicNames.Consents() {
            @Override
            public Optional<String> consentedName(String participantId) {
                single.add(participantId);
                return Optional.ofNullable(consented.get(participantId));
            }

            @Override
            public Map<String, String> consentedNames(Collection<String> participantIds) {
                batches.add(List.copyOf(participantIds));
                Map<String, String> named = new HashMap<>();
                participantIds.forEach(id -> Optional.ofNullable(consented.get(id)).ifPresent(name -> named.put(id, name)));
                return named;
            }
        }, pseudonyms);

        PublicNames page = counting.knowing(Arrays.asList("bill", "amara", "chen", null, "bill"));

        assertThat(page.seenBy(null, "bill", Role.CITIZEN)).isEqualTo(names.seenBy(null, "bill", Role.CITIZEN));
        assertThat(page.seenBy(null, "amara", Role.CITIZEN)).isEqualTo(new PublicNames.Shown(pseudonyms.idOf("amara"), pseudonyms.of("amara")));
        assertThat(page.seenBy("amara", "amara", Role.CITIZEN).id()).isEqualTo("amara");
        assertThat(page.actor("chen", Role.STAFF)).isEqualTo(new PublicNames.Shown("chen", "Chen Li"));
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).containsExactlyInAnyOrder("bill", "amara", "chen");
        assertThat(single).as("everyone on the page was known at once").isEmpty();

        assertThat(page.citizen("dana")).as("someone not on the page is still looked up")
                .isEqualTo(new PublicNames.Shown(pseudonyms.idOf("dana"), pseudonyms.of("dana")));
        assertThat(single).containsExactly("dana");
    }

    @Test
    void theDefaultBatchLookupAsksForEachConsent() {
        consented.put("bill", "Bill Turner");
        PublicNames.Consents one = id -> Optional.ofNullable(consented.get(id));

        assertThat(one.consentedNames(List.of("bill", "amara"))).containsExactly(Map.entry("bill", "Bill Turner"));
    }

    @Test
    void pseudonymsAreStableDistinctPerPersonAndPerKey() {
        assertThat(pseudonyms.idOf("bill")).isEqualTo(new Pseudonyms("a key of at least sixteen characters").idOf("bill"))
                .isNotEqualTo(pseudonyms.idOf("amara"))
                .isNotEqualTo(new Pseudonyms("another key, also long enough").idOf("bill"));
        assertThatThrownBy(() -> new Pseudonyms("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
