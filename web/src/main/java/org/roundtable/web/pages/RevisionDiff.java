package org.roundtable.web.pages;

import org.roundtable.events.proposals.Ask;
import org.roundtable.events.proposals.Asset;
import org.roundtable.events.proposals.ProposalContent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What one revision changed from the one before, field by field, in words a person can read: for texts, the words
 * taken out and put in; for lists (assets, outcomes, other resources), the items removed and added.
 */
public final class RevisionDiff {

    public enum Kind { SAME, ADDED, REMOVED }

    public record Piece(Kind kind, String text) {
    }

    /** One field that changed: its message key, and the pieces to show in order. */
    public record Change(String field, List<Piece> pieces) {
    }

    private RevisionDiff() {
    }

    public static List<Change> between(ProposalContent before, ProposalContent after) {
        List<Change> changes = new ArrayList<>();
        text(changes, "title", before.title(), after.title());
        text(changes, "aspiration", before.aspiration(), after.aspiration());
        text(changes, "serviceArea", before.serviceArea(), after.serviceArea());
        list(changes, "assets", before.assets(), after.assets(), RevisionDiff::asset);
        text(changes, "askMoney", money(before.ask()), money(after.ask()));
        list(changes, "otherResources", resources(before.ask()), resources(after.ask()), Function.identity());
        list(changes, "intendedOutcomes", before.intendedOutcomes(), after.intendedOutcomes(), Function.identity());
        return changes;
    }

    /** Word by word: the longest run of words both share stays, the rest is shown removed or added. */
    static List<Piece> words(String before, String after) {
        String[] a = before == null || before.isBlank() ? new String[0] : before.strip().split("\\s+");
        String[] b = after == null || after.isBlank() ? new String[0] : after.strip().split("\\s+");
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Piece> pieces = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                add(pieces, Kind.SAME, a[i++]);
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                add(pieces, Kind.ADDED, b[j++]);
            } else {
                add(pieces, Kind.REMOVED, a[i++]);
            }
        }
        return pieces;
    }

    private static void add(List<Piece> pieces, Kind kind, String word) {
        if (!pieces.isEmpty() && pieces.get(pieces.size() - 1).kind() == kind) {
            Piece last = pieces.remove(pieces.size() - 1);
            pieces.add(new Piece(kind, last.text() + " " + word));
        } else {
            pieces.add(new Piece(kind, word));
        }
    }

    private static void text(List<Change> changes, String field, String before, String after) {
        if (!Objects.equals(blankToNull(before), blankToNull(after))) {
            changes.add(new Change(field, words(before, after)));
        }
    }

    private static <T> void list(List<Change> changes, String field, List<T> before, List<T> after, Function<T, String> shown) {
        List<String> a = before.stream().map(shown).toList();
        List<String> b = after.stream().map(shown).toList();
        List<Piece> pieces = new ArrayList<>();
        a.stream().filter(item -> !b.contains(item)).forEach(item -> pieces.add(new Piece(Kind.REMOVED, item)));
        b.stream().filter(item -> !a.contains(item)).forEach(item -> pieces.add(new Piece(Kind.ADDED, item)));
        if (!pieces.isEmpty()) {
            changes.add(new Change(field, pieces));
        }
    }

    private static String asset(Asset asset) {
        return asset.kind() + ": " + asset.description() + " (" + asset.holder() + ")";
    }

    private static String money(Ask ask) {
        return ask == null || ask.money() == null || ask.money().amount() == null ? null
                : ask.money().amount().toPlainString() + " " + ask.money().currency();
    }

    private static List<String> resources(Ask ask) {
        return ask == null ? List.of() : ask.otherResources();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
