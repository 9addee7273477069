package org.roundtable.kit.domain;

import java.math.BigDecimal;
import java.util.Collection;

/** Small checks for command handlers; each failure is an {@link InvalidInput} naming the field. */
public final class Require {

    private Require() {
    }

    public static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInput(field, field + " must be at most " + maxLength + " characters, was " + trimmed.length());
        }
        return trimmed;
    }

    public static String optionalText(String value, String field, int maxLength) {
        return value == null || value.isBlank() ? null : text(value, field, maxLength);
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new InvalidInput(field, field + " is required");
        }
        return value;
    }

    public static BigDecimal nonNegative(BigDecimal amount, String field) {
        present(amount, field);
        if (amount.signum() < 0) {
            throw new InvalidInput(field, field + " must not be negative");
        }
        return amount;
    }

    public static <C extends Collection<?>> C atMost(C values, int max, String field) {
        if (values != null && values.size() > max) {
            throw new InvalidInput(field, field + " may hold at most " + max + " entries, has " + values.size());
        }
        return values;
    }

    public static void that(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidInput(field, message);
        }
    }
}
