package org.roundtable.web.pages;

import java.math.BigDecimal;

/** Numbers as typed in forms: {@code null} when blank or not a number (the form then says so beside the field). */
final class Numbers {

    private Numbers() {
    }

    static Integer whole(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static BigDecimal decimal(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
