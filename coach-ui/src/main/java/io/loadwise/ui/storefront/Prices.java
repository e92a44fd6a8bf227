package io.loadwise.ui.storefront;

import io.loadwise.catalog.Offer;
import io.loadwise.ui.Money;
import java.util.Locale;

/** Formats minor-unit prices in the offer's currency, the way the tenant's locale writes them. */
final class Prices {

    private Prices() {}

    static String format(Offer offer, Locale locale) {
        String amount = Money.format(offer.priceMinor(), offer.currency(), locale);
        return offer.billingInterval() == null ? amount : amount + " / " + offer.billingInterval();
    }
}
