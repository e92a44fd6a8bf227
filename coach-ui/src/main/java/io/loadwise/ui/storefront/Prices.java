package io.loadwise.ui.storefront;

import io.loadwise.catalog.Offer;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Formats minor-unit prices in the offer's currency, the way the tenant's locale writes them. */
final class Prices {

    private Prices() {}

    static String format(Offer offer, Locale locale) {
        Currency currency = Currency.getInstance(offer.currency());
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        String amount = format.format(BigDecimal.valueOf(offer.priceMinor(), digits));
        return offer.billingInterval() == null ? amount : amount + " / " + offer.billingInterval();
    }
}
