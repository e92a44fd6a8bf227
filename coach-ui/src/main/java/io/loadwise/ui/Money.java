package io.loadwise.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Amounts as people read and type them: minor units (what the ledger and Stripe keep) shown in the
 * currency's own decimals the way the business's locale writes them, and typed major units turned
 * back into minor units without ever passing through {@code double}.
 */
public final class Money {

    private Money() {}

    public static String format(long minor, String currency, Locale locale) {
        Currency unit = Currency.getInstance(currency);
        int digits = digits(currency);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(unit);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(BigDecimal.valueOf(minor, digits));
    }

    /** The amount in major units with the currency's decimals, for a number field. */
    public static BigDecimal toMajor(long minor, String currency) {
        return BigDecimal.valueOf(minor, digits(currency));
    }

    /**
     * Minor units of a typed amount; empty when it has more decimals than the currency has (e.g.
     * 12.345 dollars) or does not fit.
     */
    public static Optional<Long> toMinor(@Nullable BigDecimal major, String currency) {
        if (major == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(major.movePointRight(digits(currency)).longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    public static int digits(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }
}
