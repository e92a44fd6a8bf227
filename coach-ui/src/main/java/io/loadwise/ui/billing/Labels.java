package io.loadwise.ui.billing;

import io.loadwise.billing.orders.OrderStatus;
import io.loadwise.billing.orders.SubscriptionStatus;
import io.loadwise.catalog.OfferKind;
import io.loadwise.tenancy.Tenant;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Words and dates of the billing pages, in the business's language and time zone. */
final class Labels {

    private Labels() {}

    static String status(OrderStatus status) {
        return switch (status) {
            case PENDING -> "Pending";
            case PAID -> "Paid";
            case FAILED -> "Failed";
            case EXPIRED -> "Expired";
            case REVIEW -> "Held for review";
            case PARTIALLY_REFUNDED -> "Partially refunded";
            case REFUNDED -> "Refunded";
            case DISPUTED -> "Disputed";
            case DISPUTE_LOST -> "Dispute lost";
        };
    }

    static String status(SubscriptionStatus status) {
        return switch (status) {
            case INCOMPLETE -> "Incomplete";
            case INCOMPLETE_EXPIRED -> "Incomplete, expired";
            case TRIALING -> "Trialing";
            case ACTIVE -> "Active";
            case PAST_DUE -> "Past due";
            case UNPAID -> "Unpaid";
            case PAUSED -> "Paused";
            case CANCELED -> "Canceled";
        };
    }

    static String kind(OfferKind kind) {
        return switch (kind) {
            case GUIDE -> "Guide";
            case CUSTOM_PLAN -> "Custom plan";
            case COACHING -> "Coaching";
        };
    }

    static String interval(@Nullable String interval) {
        if (interval == null) {
            return "one-time";
        }
        return switch (interval) {
            case "month" -> "monthly";
            case "quarter" -> "quarterly";
            default -> interval;
        };
    }

    /** Dates and times in the business's zone and language. */
    record Dates(ZoneId zone, Locale locale) {

        static Dates of(Tenant tenant) {
            return new Dates(ZoneId.of(tenant.timeZone()), Locale.forLanguageTag(tenant.locale()));
        }

        String date(@Nullable Instant instant) {
            return instant == null
                    ? "—"
                    : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                            .withLocale(locale)
                            .format(instant.atZone(zone));
        }

        String dateTime(@Nullable Instant instant) {
            return instant == null
                    ? "—"
                    : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                            .withLocale(locale)
                            .format(instant.atZone(zone));
        }
    }
}
