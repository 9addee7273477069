package org.roundtable.kit.domain;

import org.roundtable.events.proposals.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks every command passes before it is accepted, so that whatever the command side accepts every consumer can
 * store: text that PostgreSQL and JSON indexes take (no NUL or other control characters, no lone surrogates) within the
 * column sizes the read models use, lists without repeats, numbers within the digits their columns hold, dates within
 * {@link #EARLIEST_DATE} and {@link #LATEST_DATE}. Each failure is an {@link InvalidInput} naming the field; no message
 * repeats more than a bounded excerpt of what was sent.
 */
public final class Require {

    /** The earliest day anything on the platform happens on. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    /** The latest day anything on the platform is planned for. */
    public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);
    /** Whole-number digits of a sum of money (the read models' {@code numeric(14,2)}): below one trillion. */
    public static final int MONEY_DIGITS = 12;
    /** Decimal places of a sum of money. */
    public static final int MONEY_SCALE = 2;

    private static final int EXCERPT = 40;
    private static final String[] PLACES = {"no decimal places", "one decimal place", "two decimal places", "three decimal places",
            "four decimal places"};
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

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
        storable(trimmed, field);
        return trimmed;
    }

    public static String optionalText(String value, String field, int maxLength) {
        return value == null || value.isBlank() ? null : text(value, field, maxLength);
    }

    /**
     * Text every store takes: no NUL or other control character (tab and line breaks excepted) and no half of a
     * surrogate pair, which PostgreSQL and JSON indexes refuse.
     */
    public static String storable(String value, String field) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidInput(field, field + " holds half of a surrogate pair at position " + i + ": it is not valid Unicode text");
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new InvalidInput(field, field + " holds the control character U+" + String.format("%04X", (int) c)
                        + " at position " + i + "; text may hold tabs and line breaks, no other control characters");
            }
        }
        return value;
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

    /**
     * A number with at most {@code digits} whole-number digits and {@code scale} decimal places, the bounds of the
     * {@code numeric} column that stores it; returned in plain notation, without zeros beyond that scale.
     */
    public static BigDecimal decimal(BigDecimal value, String field, int digits, int scale) {
        present(value, field);
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if ((long) stripped.precision() - stripped.scale() > digits) {
            throw new InvalidInput(field, field + " must have at most " + digits + " digits before the decimal point");
        }
        if (stripped.scale() > scale) {
            throw new InvalidInput(field, field + " has at most " + (scale < PLACES.length ? PLACES[scale] : scale + " decimal places"));
        }
        return value.scale() < 0 || value.scale() > scale ? value.setScale(Math.max(0, stripped.scale())) : value;
    }

    /** A sum of money: not negative, below one trillion, in whole pence or cents. */
    public static BigDecimal money(BigDecimal amount, String field) {
        return decimal(nonNegative(amount, field), field, MONEY_DIGITS, MONEY_SCALE);
    }

    /** A sum of money ({@link #money(BigDecimal, String)}) in an ISO 4217 currency such as GBP. */
    public static Money money(Money money, String field) {
        present(money, field);
        BigDecimal amount = money(money.amount(), field + ".amount");
        String currency = present(money.currency(), field + ".currency");
        that(CURRENCY.matcher(currency).matches(), field + ".currency", field + ".currency must be an ISO 4217 code such as GBP");
        return new Money(amount, currency);
    }

    public static int between(Integer value, String field, int min, int max) {
        present(value, field);
        if (value < min || value > max) {
            throw new InvalidInput(field, field + " must be a whole number between " + min + " and " + max);
        }
        return value;
    }

    /** A day between {@link #EARLIEST_DATE} and {@link #LATEST_DATE}. */
    public static LocalDate date(LocalDate value, String field) {
        present(value, field);
        if (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE)) {
            throw new InvalidInput(field, field + " must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        return value;
    }

    /** A moment on a day between {@link #EARLIEST_DATE} and {@link #LATEST_DATE} (UTC). */
    public static Instant instant(Instant value, String field) {
        present(value, field);
        if (value.isBefore(EARLIEST_DATE.atStartOfDay().toInstant(ZoneOffset.UTC))
                || !value.isBefore(LATEST_DATE.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))) {
            throw new InvalidInput(field, field + " must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        return value;
    }

    public static <C extends Collection<?>> C atMost(C values, int max, String field) {
        if (values != null && values.size() > max) {
            throw new InvalidInput(field, field + " may hold at most " + max + " entries, has " + values.size());
        }
        return values;
    }

    /** The list again, refused if it names anything twice. */
    public static <T> List<T> distinct(List<T> values, String field) {
        if (values == null) {
            return null;
        }
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                throw new InvalidInput(field + "[" + i + "]", field + "[" + i + "] repeats "
                        + excerpt(String.valueOf(values.get(i))) + "; each is named once");
            }
        }
        return values;
    }

    public static void that(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidInput(field, message);
        }
    }

    /** At most a few dozen characters of a value someone sent, quoted, for a message or a log line. */
    public static String excerpt(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("'");
        int end = Math.min(value.length(), EXCERPT);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            quoted.append(Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return quoted.append(value.length() > EXCERPT ? "…'" : "'").toString();
    }
}
