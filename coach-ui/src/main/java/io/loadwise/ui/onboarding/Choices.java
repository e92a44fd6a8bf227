package io.loadwise.ui.onboarding;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** The options the signup and settings forms offer for currency, time zone and language. */
public final class Choices {

    private Choices() {}

    public static List<String> currencies() {
        return Currency.getAvailableCurrencies().stream()
                .map(Currency::getCurrencyCode)
                .sorted()
                .toList();
    }

    public static List<String> timeZones() {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("UTC"),
                        ZoneId.getAvailableZoneIds().stream()
                                .filter(zone ->
                                        zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
                                .sorted())
                .toList();
    }

    /** Languages the storefront formats prices and dates in; any other BCP 47 tag can be typed. */
    public static List<String> locales() {
        return List.of(
                "en", "en-US", "en-GB", "en-AU", "de", "de-DE", "de-AT", "de-CH", "fr", "es", "it", "nl", "pt", "pt-BR",
                "sv", "da", "nb", "fi", "pl");
    }
}
