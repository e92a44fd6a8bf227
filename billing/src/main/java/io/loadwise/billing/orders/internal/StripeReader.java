package io.loadwise.billing.orders.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.checkout.SessionListParams;
import io.loadwise.billing.StripeRequests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Fetches Stripe's current objects on a connected account and reduces them to {@link StripeFacts}.
 * Events only say that something changed; what counts is the object as Stripe has it now.
 */
@Component
public class StripeReader {

    /** Metadata key on refunds we ask for: our refunds row. */
    public static final String REFUND_METADATA = "loadwise_refund";

    private final StripeClient stripe;

    StripeReader(StripeClient stripe) {
        this.stripe = stripe;
    }

    StripeFacts.Session session(String account, String sessionId) throws StripeException {
        return session(account, stripe.v1().checkout().sessions().retrieve(sessionId, on(account)));
    }

    StripeFacts.Session session(String account, Session s) throws StripeException {
        String paymentIntentId = s.getPaymentIntent();
        String chargeId = null;
        long fee = 0;
        boolean failed = false;
        if (paymentIntentId != null) {
            PaymentIntent intent = stripe.v1().paymentIntents().retrieve(paymentIntentId, on(account));
            chargeId = intent.getLatestCharge();
            fee = orZero(intent.getApplicationFeeAmount());
            failed = "requires_payment_method".equals(intent.getStatus()) || "canceled".equals(intent.getStatus());
        }
        var details = s.getCustomerDetails();
        var totals = s.getTotalDetails();
        return new StripeFacts.Session(
                s.getId(),
                Objects.requireNonNullElse(s.getMode(), "payment"),
                s.getStatus(),
                s.getPaymentStatus(),
                metadata(s.getMetadata()),
                details != null && details.getEmail() != null ? details.getEmail() : s.getCustomerEmail(),
                details == null ? null : details.getName(),
                s.getCustomer(),
                currency(s.getCurrency()),
                orZero(s.getAmountSubtotal()),
                totals == null ? 0 : orZero(totals.getAmountDiscount()),
                totals == null ? 0 : orZero(totals.getAmountTax()),
                orZero(s.getAmountTotal()),
                paymentIntentId,
                chargeId,
                fee,
                failed,
                s.getSubscription(),
                s.getInvoice(),
                Boolean.TRUE.equals(s.getLivemode()));
    }

    /** The checkout session that created a payment intent or a subscription, if any. */
    Optional<String> sessionIdOf(String account, @Nullable String paymentIntentId, @Nullable String subscriptionId)
            throws StripeException {
        SessionListParams.Builder params = SessionListParams.builder().setLimit(1L);
        if (paymentIntentId != null) {
            params.setPaymentIntent(paymentIntentId);
        } else if (subscriptionId != null) {
            params.setSubscription(subscriptionId);
        } else {
            return Optional.empty();
        }
        return stripe.v1().checkout().sessions().list(params.build(), on(account)).getData().stream()
                .map(Session::getId)
                .findFirst();
    }

    StripeFacts.Charge charge(String account, String chargeId) throws StripeException {
        com.stripe.model.Charge c = stripe.v1().charges().retrieve(chargeId, on(account));
        List<StripeFacts.Refund> refunds = new ArrayList<>();
        if (orZero(c.getAmountRefunded()) > 0) {
            var page = stripe.v1()
                    .refunds()
                    .list(
                            RefundListParams.builder()
                                    .setCharge(chargeId)
                                    .setLimit(100L)
                                    .build(),
                            on(account));
            for (com.stripe.model.Refund r : page.autoPagingIterable(Map.of(), on(account))) {
                refunds.add(refund(r));
            }
        }
        return new StripeFacts.Charge(
                c.getId(),
                c.getPaymentIntent(),
                orZero(c.getAmount()),
                orZero(c.getAmountRefunded()),
                currency(c.getCurrency()),
                orZero(c.getApplicationFeeAmount()),
                refunds);
    }

    static StripeFacts.Refund refund(com.stripe.model.Refund r) {
        return new StripeFacts.Refund(
                r.getId(),
                orZero(r.getAmount()),
                currency(r.getCurrency()),
                Objects.requireNonNullElse(r.getStatus(), "pending"),
                r.getReason(),
                r.getMetadata() == null ? null : r.getMetadata().get(REFUND_METADATA),
                instant(r.getCreated()));
    }

    StripeFacts.Dispute dispute(String account, String disputeId) throws StripeException {
        com.stripe.model.Dispute d = stripe.v1().disputes().retrieve(disputeId, on(account));
        return new StripeFacts.Dispute(
                d.getId(),
                d.getCharge(),
                orZero(d.getAmount()),
                currency(d.getCurrency()),
                d.getReason(),
                Objects.requireNonNullElse(d.getStatus(), "needs_response"),
                instant(d.getCreated()));
    }

    StripeFacts.Subscription subscription(String account, String subscriptionId) throws StripeException {
        return subscription(stripe.v1().subscriptions().retrieve(subscriptionId, on(account)));
    }

    static StripeFacts.Subscription subscription(com.stripe.model.Subscription s) {
        SubscriptionItem item = s.getItems() == null
                        || s.getItems().getData() == null
                        || s.getItems().getData().isEmpty()
                ? null
                : s.getItems().getData().getFirst();
        long amount = 0;
        String interval = "month";
        Long periodEnd = null;
        if (item != null) {
            periodEnd = item.getCurrentPeriodEnd();
            if (item.getPrice() != null) {
                amount = orZero(item.getPrice().getUnitAmount()) * Math.max(1, orZero(item.getQuantity()));
                if (item.getPrice().getRecurring() != null) {
                    interval = intervalOf(
                            item.getPrice().getRecurring().getInterval(),
                            orZero(item.getPrice().getRecurring().getIntervalCount()));
                }
            }
        }
        return new StripeFacts.Subscription(
                s.getId(),
                s.getCustomer(),
                s.getStatus(),
                metadata(s.getMetadata()),
                amount,
                currency(s.getCurrency()),
                interval,
                Boolean.TRUE.equals(s.getCancelAtPeriodEnd()),
                instantOrNull(periodEnd),
                instantOrNull(s.getTrialEnd()),
                instant(s.getStartDate() != null ? s.getStartDate() : s.getCreated()),
                instantOrNull(s.getCanceledAt()),
                instantOrNull(s.getEndedAt()),
                Boolean.TRUE.equals(s.getLivemode()));
    }

    /** Our offers bill monthly or quarterly; a quarter is three months in Stripe. */
    static String intervalOf(@Nullable String interval, long count) {
        if ("month".equals(interval) && count == 3) {
            return "quarter";
        }
        return interval == null ? "month" : interval;
    }

    StripeFacts.Invoice invoice(String account, String invoiceId) throws StripeException {
        com.stripe.model.Invoice i = stripe.v1().invoices().retrieve(invoiceId, on(account));
        String subscriptionId = i.getParent() != null && i.getParent().getSubscriptionDetails() != null
                ? i.getParent().getSubscriptionDetails().getSubscription()
                : null;
        String paymentIntentId = null;
        String chargeId = null;
        long fee = 0;
        if ("paid".equals(i.getStatus()) && orZero(i.getAmountPaid()) > 0) {
            var payments = stripe.v1()
                    .invoicePayments()
                    .list(
                            InvoicePaymentListParams.builder()
                                    .setInvoice(invoiceId)
                                    .build(),
                            on(account));
            for (InvoicePayment payment : payments.getData()) {
                if (payment.getPayment() != null && "paid".equals(payment.getStatus())) {
                    paymentIntentId = payment.getPayment().getPaymentIntent();
                    chargeId = payment.getPayment().getCharge();
                }
            }
            if (paymentIntentId != null) {
                PaymentIntent intent = stripe.v1().paymentIntents().retrieve(paymentIntentId, on(account));
                fee = orZero(intent.getApplicationFeeAmount());
                chargeId = chargeId != null ? chargeId : intent.getLatestCharge();
            }
        }
        long discount = i.getTotalDiscountAmounts() == null
                ? 0
                : i.getTotalDiscountAmounts().stream()
                        .mapToLong(d -> orZero(d.getAmount()))
                        .sum();
        long tax = i.getTotalTaxes() == null
                ? 0
                : i.getTotalTaxes().stream()
                        .mapToLong(t -> orZero(t.getAmount()))
                        .sum();
        return new StripeFacts.Invoice(
                i.getId(),
                subscriptionId,
                i.getBillingReason(),
                i.getStatus(),
                currency(i.getCurrency()),
                orZero(i.getSubtotal()),
                discount,
                tax,
                orZero(i.getTotal()),
                paymentIntentId,
                chargeId,
                fee,
                i.getCustomerEmail(),
                i.getCustomerName(),
                i.getStatusTransitions() == null
                        ? null
                        : instantOrNull(i.getStatusTransitions().getPaidAt()),
                instant(i.getCreated()),
                Boolean.TRUE.equals(i.getLivemode()));
    }

    /** Checkout sessions completed on the account since {@code since}, newest first. */
    List<StripeFacts.Session> completedSessionsSince(String account, Instant since) throws StripeException {
        var params = SessionListParams.builder()
                .setStatus(SessionListParams.Status.COMPLETE)
                .setCreated(SessionListParams.Created.builder()
                        .setGte(since.getEpochSecond())
                        .build())
                .setLimit(100L)
                .build();
        List<StripeFacts.Session> sessions = new ArrayList<>();
        for (Session s :
                stripe.v1().checkout().sessions().list(params, on(account)).autoPagingIterable(Map.of(), on(account))) {
            sessions.add(session(account, s));
        }
        return sessions;
    }

    List<StripeFacts.Subscription> subscriptionsSince(String account, Instant since) throws StripeException {
        var params = com.stripe.param.SubscriptionListParams.builder()
                .setStatus(com.stripe.param.SubscriptionListParams.Status.ALL)
                .setCreated(com.stripe.param.SubscriptionListParams.Created.builder()
                        .setGte(since.getEpochSecond())
                        .build())
                .setLimit(100L)
                .build();
        List<StripeFacts.Subscription> result = new ArrayList<>();
        for (var s : stripe.v1().subscriptions().list(params, on(account)).autoPagingIterable(Map.of(), on(account))) {
            result.add(subscription(s));
        }
        return result;
    }

    /** Charges since {@code since} that were refunded or disputed, as ids. */
    List<ChargeSummary> chargesSince(String account, Instant since) throws StripeException {
        var params = com.stripe.param.ChargeListParams.builder()
                .setCreated(com.stripe.param.ChargeListParams.Created.builder()
                        .setGte(since.getEpochSecond())
                        .build())
                .setLimit(100L)
                .build();
        List<ChargeSummary> result = new ArrayList<>();
        for (var c : stripe.v1().charges().list(params, on(account)).autoPagingIterable(Map.of(), on(account))) {
            result.add(
                    new ChargeSummary(c.getId(), orZero(c.getAmountRefunded()), Boolean.TRUE.equals(c.getDisputed())));
        }
        return result;
    }

    record ChargeSummary(String id, long amountRefunded, boolean disputed) {}

    /** The disputes on a charge. */
    List<String> disputeIdsOf(String account, String chargeId) throws StripeException {
        var params = com.stripe.param.DisputeListParams.builder()
                .setCharge(chargeId)
                .setLimit(100L)
                .build();
        return stripe.v1().disputes().list(params, on(account)).getData().stream()
                .map(com.stripe.model.Dispute::getId)
                .toList();
    }

    private static RequestOptions on(String account) {
        return StripeRequests.onAccount(account);
    }

    private static Map<String, String> metadata(@Nullable Map<String, String> metadata) {
        return metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    static String currency(@Nullable String currency) {
        return currency == null ? "" : currency.toUpperCase(Locale.ROOT);
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }

    private static Instant instant(@Nullable Long epochSeconds) {
        return epochSeconds == null ? Instant.EPOCH : Instant.ofEpochSecond(epochSeconds);
    }

    private static @Nullable Instant instantOrNull(@Nullable Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }

    static @Nullable String metadataValue(Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        return value == null || value.isBlank() ? null : value;
    }
}
