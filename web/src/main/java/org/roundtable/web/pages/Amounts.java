package org.roundtable.web.pages;

import org.roundtable.events.proposals.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money and quantities as the pages show them ({@code ${@amounts.money(m)}}): 12,000.00 GBP. */
@Component("amounts")
public class Amounts {

    public String money(Money money) {
        return money == null || money.amount() == null ? "" : number(money.amount(), "#,##0.00") + " " + money.currency();
    }

    /** An amount kept apart from its currency, as funds keep them. */
    public String money(BigDecimal amount, String currency) {
        return money(amount == null ? null : new Money(amount, currency));
    }

    /** A quantity without trailing zeros: 3.5, 40. */
    public String number(BigDecimal value) {
        return value == null ? "" : number(value, "#,##0.##");
    }

    private static String number(BigDecimal value, String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.UK));
        return format.format(value);
    }
}
