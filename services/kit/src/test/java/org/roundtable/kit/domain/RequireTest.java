package org.roundtable.kit.domain;

import org.junit.jupiter.api.Test;
import org.roundtable.events.proposals.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequireTest {

    @Test
    void textWithNulOrAnotherControlCharacterIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Require.text("Good\u0000 neighbour", "offers", 500))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("U+0000").extracting("field").isEqualTo("offers");
        assertThatThrownBy(() -> Require.text("bell\u0007", "title", 100)).hasMessageContaining("U+0007");
        assertThatThrownBy(() -> Require.optionalText("del\u007f", "reason", 100)).hasMessageContaining("U+007F");
        assertThat(Require.text("line one\n\tline two\r\n", "aspiration", 100)).isEqualTo("line one\n\tline two");
    }

    @Test
    void loneSurrogatesAreRefusedAndPairedOnesKept() {
        assertThatThrownBy(() -> Require.text("half \ud83d of a smile", "title", 100))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> Require.text("ends with \udc00", "title", 100)).hasMessageContaining("surrogate");
        assertThat(Require.text("a smile \ud83d\ude00", "title", 100)).isEqualTo("a smile \ud83d\ude00");
    }

    @Test
    void moneyIsBoundedInDigitsNotOnlyInScaleAndItsRefusalIsShort() {
        assertThatThrownBy(() -> Require.money(new BigDecimal("1E+999999999"), "amount.amount"))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("amount.amount must have at most 12 digits before the decimal point");
        assertThatThrownBy(() -> Require.money(new BigDecimal("1000000000000"), "amount.amount"))
                .hasMessageContaining("at most 12 digits");
        assertThatThrownBy(() -> Require.money(new BigDecimal("1.005"), "amount.amount")).hasMessage("amount.amount has at most two decimal places");
        assertThatThrownBy(() -> Require.money(new BigDecimal("-1"), "amount.amount")).hasMessageContaining("negative");
        assertThatThrownBy(() -> Require.money(new BigDecimal("1E-999999999"), "amount.amount")).hasMessageContaining("decimal places");
        assertThat(Require.money(new BigDecimal("999999999999.99"), "amount.amount")).isEqualByComparingTo("999999999999.99");
        assertThat(Require.money(new BigDecimal("2.5E+3"), "amount.amount").toPlainString()).isEqualTo("2500");
        assertThat(Require.money(new BigDecimal("12.5000"), "amount.amount").scale()).isEqualTo(1);
    }

    @Test
    void moneyNamesItsCurrency() {
        assertThatThrownBy(() -> Require.money(new Money(BigDecimal.TEN, "pounds"), "amount"))
                .extracting("field").isEqualTo("amount.currency");
        assertThatThrownBy(() -> Require.money(new Money(null, "GBP"), "ask.money")).extracting("field").isEqualTo("ask.money.amount");
        assertThat(Require.money(new Money(new BigDecimal("1500.00"), "GBP"), "amount")).isEqualTo(new Money(new BigDecimal("1500.00"), "GBP"));
    }

    @Test
    void wholeNumbersAreKeptWithinTheirRange() {
        assertThatThrownBy(() -> Require.between(201, "hoursPerMonth", 1, 200))
                .hasMessage("hoursPerMonth must be a whole number between 1 and 200");
        assertThatThrownBy(() -> Require.between(null, "hoursPerMonth", 1, 200)).hasMessageContaining("required");
        assertThat(Require.between(6, "hoursPerMonth", 1, 200)).isEqualTo(6);
    }

    @Test
    void datesAreWithinTheCenturyThePlatformServes() {
        assertThatThrownBy(() -> Require.date(LocalDate.of(-5000, 1, 1), "observedOn"))
                .isInstanceOf(InvalidInput.class).hasMessage("observedOn must be between 2000-01-01 and 2099-12-31");
        assertThatThrownBy(() -> Require.date(LocalDate.of(1900, 6, 1), "periodStart")).extracting("field").isEqualTo("periodStart");
        assertThatThrownBy(() -> Require.instant(Instant.parse("+300000-01-01T10:00:00Z"), "startsAt")).hasMessageContaining("startsAt");
        assertThatThrownBy(() -> Require.instant(Instant.parse("1900-05-01T10:00:00Z"), "startsAt")).hasMessageContaining("startsAt");
        assertThatThrownBy(() -> Require.instant(Instant.parse("2100-01-01T00:00:00Z"), "startsAt")).hasMessageContaining("startsAt");
        assertThat(Require.instant(Instant.parse("2099-12-31T23:59:59Z"), "startsAt")).isNotNull();
        assertThat(Require.date(LocalDate.of(2000, 1, 1), "observedOn")).isEqualTo(LocalDate.of(2000, 1, 1));
    }

    @Test
    void aListNamingSomethingTwiceIsRefusedAtTheRepeat() {
        assertThatThrownBy(() -> Require.distinct(List.of("CITIZEN", "CITIZEN", "CITIZEN"), "roles"))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("roles[1]");
        assertThat(Require.distinct(List.of("CITIZEN", "STAFF"), "roles")).hasSize(2);
    }

    @Test
    void anExcerptOfWhatWasSentIsShortQuotedAndPrintable() {
        String excerpt = Require.excerpt("x".repeat(1_000_000) + "\u0000");
        assertThat(excerpt).hasSizeLessThan(50).startsWith("'xxx").endsWith("…'");
        assertThat(Require.excerpt("a\u0000b")).isEqualTo("'a\\u0000b'");
    }
}
