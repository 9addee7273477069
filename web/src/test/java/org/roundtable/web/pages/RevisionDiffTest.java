package org.roundtable.web.pages;

import org.junit.jupiter.api.Test;
import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.AssetKind;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.web.pages.RevisionDiff.Kind;
import org.roundtable.web.pages.RevisionDiff.Piece;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionDiffTest {

    @Test
    void wordsKeepWhatBothShareAndShowWhatWasTakenOutAndPutIn() {
        assertThat(RevisionDiff.words("makers repairing things together", "makers repairing and building things at the library"))
                .containsExactly(new Piece(Kind.SAME, "makers repairing"), new Piece(Kind.ADDED, "and building"),
                        new Piece(Kind.SAME, "things"), new Piece(Kind.ADDED, "at the library"), new Piece(Kind.REMOVED, "together"));
        assertThat(RevisionDiff.words(null, "new")).containsExactly(new Piece(Kind.ADDED, "new"));
        assertThat(RevisionDiff.words("old", "")).containsExactly(new Piece(Kind.REMOVED, "old"));
    }

    @Test
    void onlyChangedFieldsAreListedListsShowItemsRemovedAndAdded() {
        ProposalContent before = content("Mend", List.of("Skills gained"), "12000");
        ProposalContent after = content("Mend", List.of("Skills gained", "Friendships across ages"), "15000");

        List<RevisionDiff.Change> changes = RevisionDiff.between(before, after);

        assertThat(changes).extracting(RevisionDiff.Change::field).containsExactly("askMoney", "intendedOutcomes");
        assertThat(changes.get(1).pieces()).containsExactly(new Piece(Kind.ADDED, "Friendships across ages"));
        assertThat(RevisionDiff.between(before, before)).isEmpty();
    }

    private static ProposalContent content(String title, List<String> outcomes, String amount) {
        return new ProposalContent(title, "Together", "libraries", List.of(new Asset(AssetKind.SKILL, "Mending", "Repair café")),
                new Ask(new Money(new BigDecimal(amount), "GBP"), List.of()), outcomes);
    }
}
