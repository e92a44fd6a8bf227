package io.loadwise.notifications.templates.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Dates, times and amounts in one recipient's language and time zone; templates reach it as
 * {@code fmt} (e.g. {@code ${fmt.money(amountTotalMinor, currency)}}). Model values arrive as JSON
 * values, so every method takes what JSON gives: ISO-8601 strings, numbers or numeric strings.
 */
public final class Formats {

    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;
    private final NumberFormat moneyPrototype;
    private final NumberFormat integerPrototype;

    /** Immutable and thread-safe: keep one per language and zone ({@link #of}). */
    public Formats(Locale locale, ZoneId zone) {
        this.moneyPrototype = NumberFormat.getCurrencyInstance(locale);
        this.integerPrototype = NumberFormat.getIntegerInstance(locale);
        this.zone = zone;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(zone);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    }

    /**
     * An amount in minor units as money, e.g. 1900 EUR → "€19.00" in English, "19,00 €" in German
     * (the currency's own number of decimals: 1900 JPY is "¥1,900").
     */
    public String money(@Nullable Object minor, @Nullable Object currencyCode) {
        if (minor == null || currencyCode == null) {
            return "";
        }
        Currency currency = Currency.getInstance(currencyCode.toString().strip().toUpperCase(Locale.ROOT));
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal amount = BigDecimal.valueOf(asLong(minor), digits);
        // A clone of the language's prototype: formats aren't thread-safe, and looking one up is slow.
        NumberFormat format = (NumberFormat) moneyPrototype.clone();
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount);
    }

    /** The day of an instant (in the recipient's zone) or of a plain date, e.g. "27. November 2026". */
    public String date(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString().strip();
        try {
            return date.format(LocalDate.parse(text));
        } catch (DateTimeParseException notADate) {
            return date.format(instant(text).atZone(zone));
        }
    }

    /** An instant in the recipient's zone, e.g. "November 27, 2026, 3:04 PM". */
    public String dateTime(@Nullable Object value) {
        return value == null ? "" : dateTime.format(instant(value.toString().strip()));
    }

    /** The time of day of an instant in the recipient's zone, e.g. "15:04". */
    public String time(@Nullable Object value) {
        return value == null
                ? ""
                : time.format(instant(value.toString().strip()).atZone(zone));
    }

    /** A whole number in the recipient's language, e.g. "1,200" / "1.200". */
    public String number(@Nullable Object value) {
        return value == null ? "" : ((NumberFormat) integerPrototype.clone()).format(asLong(value));
    }

    private record Key(Locale locale, ZoneId zone) {}

    private static final Map<Key, Formats> KEPT = new ConcurrentHashMap<>();

    /** The formats of a language and zone, made once (there are only a few of each). */
    public static Formats of(Locale locale, ZoneId zone) {
        return KEPT.computeIfAbsent(new Key(locale, zone), key -> new Formats(key.locale(), key.zone()));
    }

    public static long asLong(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        return new BigDecimal(value.toString().strip()).longValueExact();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                return ZonedDateTime.parse(text).toInstant();
            }
        }
    }
}
