package org.roundtable.audit.ledger;

import org.roundtable.audit.verifier.Json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a payload may be copied to the indexed {@code payload_json} ({@code jsonb}) column. PostgreSQL's
 * {@code jsonb} refuses some valid JSON: the escape {@code \u0000}, and numbers beyond its {@code numeric} range
 * (such as {@code 1e131072}). Such a payload is still stored and hashed as text; it is only left out of the index,
 * so that it cannot stop the ledger. The bound on numbers is conservative: digits before or after the point beyond
 * {@value #MAX_DIGITS} are not indexed.
 */
final class IndexableJson {

    static final int MAX_DIGITS = 1000;

    private IndexableJson() {
    }

    /** The payload when PostgreSQL can hold it as {@code jsonb}, otherwise {@code null}. */
    static String of(String payload) {
        try {
            return indexable(Json.parse(payload)) ? payload : null;
        } catch (IllegalArgumentException notJson) {
            return null;
        }
    }

    private static boolean indexable(Object value) {
        if (value instanceof String text) {
            return text.indexOf('\0') < 0;
        }
        if (value instanceof Json.Number number) {
            try {
                BigDecimal decimal = new BigDecimal(number.literal());
                return decimal.precision() - decimal.scale() <= MAX_DIGITS && decimal.scale() <= MAX_DIGITS;
            } catch (NumberFormatException | ArithmeticException outOfRange) {
                return false;
            }
        }
        if (value instanceof Map<?, ?> members) {
            return members.entrySet().stream().allMatch(member -> indexable(member.getKey()) && indexable(member.getValue()));
        }
        if (value instanceof List<?> items) {
            return items.stream().allMatch(IndexableJson::indexable);
        }
        return true;
    }
}
