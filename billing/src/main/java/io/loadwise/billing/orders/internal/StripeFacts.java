package io.loadwise.billing.orders.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the ledger needs of Stripe's objects, read from a fresh fetch (never from an event's
 * payload). Plain values, so the ledger's rules do not depend on stripe-java's model classes.
 */
final class StripeFacts {

    private StripeFacts() {}

    /**
     * A Checkout Session with its payment.
     *
     * @param paymentFailed the payment intent says the (asynchronous) payment failed
     */
    record Session(
            String id,
            String mode,
            @Nullable String status,
            @Nullable String paymentStatus,
            Map<String, String> metadata,
            @Nullable String email,
            @Nullable String name,
            @Nullable String customerId,
            String currency,
            long subtotal,
            long discount,
            long tax,
            long total,
            @Nullable String paymentIntentId,
            @Nullable String chargeId,
            long applicationFee,
            boolean paymentFailed,
            @Nullable String subscriptionId,
            @Nullable String invoiceId,
            boolean livemode) {

        boolean paid() {
            return "complete".equals(status)
                    && ("paid".equals(paymentStatus) || "no_payment_required".equals(paymentStatus));
        }

        boolean expired() {
            return "expired".equals(status);
        }

        boolean subscription() {
            return "subscription".equals(mode);
        }
    }

    /** A charge and every refund on it. */
    record Charge(
            String id,
            @Nullable String paymentIntentId,
            long amount,
            long amountRefunded,
            String currency,
            long applicationFee,
            List<Refund> refunds) {

        Charge {
            refunds = List.copyOf(refunds);
        }
    }

    /** @param ourRefundId the id of our refunds row when we asked for it (metadata) */
    record Refund(
            String id,
            long amount,
            String currency,
            String status,
            @Nullable String reason,
            @Nullable String ourRefundId,
            Instant created) {}

    record Dispute(
            String id,
            String chargeId,
            long amount,
            String currency,
            @Nullable String reason,
            String status,
            Instant created) {

        boolean closed() {
            return DisputeOutcome.of(status) != DisputeOutcome.OPEN;
        }
    }

    record Subscription(
            String id,
            String customerId,
            String status,
            Map<String, String> metadata,
            long amount,
            String currency,
            String interval,
            boolean cancelAtPeriodEnd,
            @Nullable Instant currentPeriodEnd,
            @Nullable Instant trialEnd,
            Instant started,
            @Nullable Instant canceledAt,
            @Nullable Instant endedAt,
            boolean livemode) {}

    record Invoice(
            String id,
            @Nullable String subscriptionId,
            @Nullable String billingReason,
            @Nullable String status,
            String currency,
            long subtotal,
            long discount,
            long tax,
            long total,
            @Nullable String paymentIntentId,
            @Nullable String chargeId,
            long applicationFee,
            @Nullable String email,
            @Nullable String name,
            @Nullable Instant paidAt,
            Instant created,
            boolean livemode) {

        boolean paid() {
            return "paid".equals(status);
        }

        /** The subscription's first invoice belongs to the checkout order. */
        boolean firstOfSubscription() {
            return "subscription_create".equals(billingReason);
        }
    }
}
