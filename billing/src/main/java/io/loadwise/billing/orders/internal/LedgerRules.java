package io.loadwise.billing.orders.internal;

import io.loadwise.catalog.Offer;
import io.loadwise.catalog.OfferKind;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The ledger's pure rules: what a payment must match, and what an order's status becomes. */
final class LedgerRules {

    static final String PENDING = "pending";
    static final String PAID = "paid";
    static final String FAILED = "failed";
    static final String EXPIRED = "expired";
    static final String REVIEW = "review";
    static final String PARTIALLY_REFUNDED = "partially_refunded";
    static final String REFUNDED = "refunded";
    static final String DISPUTED = "disputed";
    static final String DISPUTE_LOST = "dispute_lost";

    /** Not (yet) paid: the checkout is open, failed or expired. */
    static final Set<String> UNPAID = Set.of(PENDING, FAILED, EXPIRED);

    /** Order statuses under which what the order granted stays usable. */
    static final Set<String> GRANTING = Set.of(PAID, PARTIALLY_REFUNDED, DISPUTED);

    /** Stripe subscription statuses that give coaching access (Stripe retries a past-due payment). */
    static final Set<String> SUBSCRIPTION_ACTIVE = Set.of("trialing", "active", "past_due");

    /** Stripe subscription statuses that end coaching access: Stripe says the subscription ended. */
    static final Set<String> SUBSCRIPTION_ENDED = Set.of("canceled", "incomplete_expired", "unpaid");

    private LedgerRules() {}

    /**
     * Why a paid checkout does not match the catalog, if it does not: the currency must be the
     * offer's and the subtotal (before discounts and tax) the offer's price times the quantity. A
     * coaching package's free trial is paid with nothing.
     *
     * @return the review reason, empty when the payment matches
     */
    static Optional<String> mismatch(@Nullable Offer offer, String currency, long subtotal, long quantity) {
        if (offer == null) {
            return Optional.of("The offer bought is not in the catalog.");
        }
        if (!offer.currency().equalsIgnoreCase(currency)) {
            return Optional.of("Paid in " + currency.toUpperCase(Locale.ROOT) + ", but the offer is priced in "
                    + offer.currency() + ".");
        }
        boolean trial = offer.kind() == OfferKind.COACHING && offer.trialDays() != null && subtotal == 0;
        long expected = offer.priceMinor() * quantity;
        if (!trial && subtotal != expected) {
            return Optional.of("Subtotal " + subtotal + " does not match the offer's price " + expected + " ("
                    + quantity + " × " + offer.priceMinor() + " minor units of " + offer.currency() + ").");
        }
        return Optional.empty();
    }

    /** What an unpaid order becomes from its checkout session. */
    static String checkoutStatus(StripeFacts.Session session, boolean failureReported) {
        if (session.paid()) {
            return PAID;
        }
        if (session.expired()) {
            return EXPIRED;
        }
        if ("complete".equals(session.status()) && (failureReported || session.paymentFailed())) {
            return FAILED;
        }
        return PENDING;
    }

    /**
     * The status of a paid order from what Stripe says about its money: a dispute decides while it
     * is open or when lost; otherwise refunds do. An order held for review stays so until refunded
     * in full.
     *
     * @param current the order's status now
     * @param underReview whether the payment did not match the catalog
     * @param dispute the outcome of the order's latest dispute, if any
     */
    static String settled(
            String current, boolean underReview, long total, long refunded, @Nullable DisputeOutcome dispute) {
        if (UNPAID.contains(current)) {
            return current;
        }
        if (dispute == DisputeOutcome.LOST) {
            return DISPUTE_LOST;
        }
        if (dispute == DisputeOutcome.OPEN) {
            return DISPUTED;
        }
        if (refunded > 0 && refunded >= total) {
            return REFUNDED;
        }
        if (underReview) {
            return REVIEW;
        }
        return refunded > 0 ? PARTIALLY_REFUNDED : PAID;
    }

    static String entitlementKind(OfferKind kind) {
        return switch (kind) {
            case GUIDE -> "guide_download";
            case CUSTOM_PLAN -> "custom_plan";
            case COACHING -> "coaching";
        };
    }
}
