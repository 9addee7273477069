package org.roundtable.audit.verifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads an instant written the one way {@link Instant#toString()} writes instants of years 0000 to 9999:
 * {@code yyyy-MM-ddTHH:mm:ss}, then no fraction, or 3, 6 or 9 digits, as few as the nanoseconds need, then {@code Z}.
 * A fraction of {@code .000}, three digits where six are needed, or anything else returns {@code null}: the caller
 * then reads the text the general (and slower) way, which refuses what is not canonical with its reason.
 */
final class CanonicalInstant {

    private CanonicalInstant() {
    }

    static Instant parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return null;
            }
        }
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        return parse(ascii, 0, ascii.length);
    }

    /** Whether {@code text[from, to)} (ASCII) is an instant written this way. */
    static boolean isCanonical(byte[] text, int from, int to) {
        return nanos(text, from, to) >= 0;
    }

    private static Instant parse(byte[] text, int from, int to) {
        int nanos = nanos(text, from, to);
        if (nanos < 0) {
            return null;
        }
        long day = LocalDate.of(digits(text, from, 4), digits(text, from + 5, 2), digits(text, from + 8, 2)).toEpochDay();
        return Instant.ofEpochSecond(day * 86_400 + digits(text, from + 11, 2) * 3_600L + digits(text, from + 14, 2) * 60L
                + digits(text, from + 17, 2), nanos);
    }

    /** The nanoseconds of the instant written in {@code text[from, to)}, or -1 when it is not written this way. */
    private static int nanos(byte[] text, int from, int to) {
        int length = to - from;
        if ((length != 20 && length != 24 && length != 27 && length != 30) || text[to - 1] != 'Z'
                || text[from + 4] != '-' || text[from + 7] != '-' || text[from + 10] != 'T' || text[from + 13] != ':'
                || text[from + 16] != ':') {
            return -1;
        }
        int year = digits(text, from, 4);
        int month = digits(text, from + 5, 2);
        int day = digits(text, from + 8, 2);
        int hour = digits(text, from + 11, 2);
        int minute = digits(text, from + 14, 2);
        int second = digits(text, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year)) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return -1;
        }
        if (length == 20) {
            return 0;
        }
        if (text[from + 19] != '.') {
            return -1;
        }
        int fraction = digits(text, from + 20, length - 21);
        if (fraction < 0) {
            return -1;
        }
        int nanos = switch (length) {
            case 24 -> fraction * 1_000_000;
            case 27 -> fraction * 1_000;
            default -> fraction;
        };
        int needed = nanos % 1_000_000 == 0 ? 24 : nanos % 1_000 == 0 ? 27 : 30;
        return nanos == 0 || needed != length ? -1 : nanos;
    }

    /** The number written by {@code count} decimal digits from {@code start}, or -1. */
    private static int digits(byte[] text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            byte c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
