package io.loadwise.billing.orders.internal;

import static io.loadwise.jooq.Tables.DISPUTES;
import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.REFUNDS;
import static io.loadwise.jooq.Tables.SUBSCRIPTIONS;

import com.stripe.exception.StripeException;
import io.loadwise.billing.CheckoutMetadata;
import io.loadwise.catalog.Catalog;
import io.loadwise.catalog.Offer;
import io.loadwise.catalog.OfferKind;
import io.loadwise.commerce.DisputeOpened;
import io.loadwise.commerce.OrderPaid;
import io.loadwise.commerce.RefundIssued;
import io.loadwise.commerce.SubscriptionCanceled;
import io.loadwise.commerce.SubscriptionPastDue;
import io.loadwise.commerce.SubscriptionStarted;
import io.loadwise.jooq.tables.records.OrdersRecord;
import io.loadwise.jooq.tables.records.SubscriptionsRecord;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.RosterService;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the ledger in line with Stripe's current objects — the one code path of the webhook
 * handlers and of reconciliation. Each method re-fetches the object, then applies it in one
 * transaction under the row lock of the order or subscription it concerns, so duplicated,
 * reordered or concurrent deliveries converge on the same rows; events are published only on a
 * transition seen under that lock (once per order, subscription or refund).
 */
@Service
public class LedgerSync {

    private static final Logger log = LoggerFactory.getLogger(LedgerSync.class);

    private final DSLContext db;
    private final StripeReader stripe;
    private final Catalog catalog;
    private final RosterService roster;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    LedgerSync(
            DSLContext db,
            StripeReader stripe,
            Catalog catalog,
            RosterService roster,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.db = db;
        this.stripe = stripe;
        this.catalog = catalog;
        this.roster = roster;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    // ---------------------------------------------------------------------------------------------
    // Checkout sessions

    /**
     * A checkout session: the order becomes paid (or held for review), failed or expired; a paid
     * subscription checkout also brings its subscription in.
     *
     * @param failureReported Stripe sent {@code checkout.session.async_payment_failed}
     */
    public void checkoutSession(String account, String sessionId, boolean failureReported) throws StripeException {
        TenantId tenant = TenantContext.require();
        StripeFacts.Session session = stripe.session(account, sessionId);
        if (!belongsHere(session.metadata(), tenant)) {
            log.warn("Checkout session {} names another business; ignored", sessionId);
            return;
        }
        StripeFacts.Invoice invoice =
                session.paid() && session.invoiceId() != null ? stripe.invoice(account, session.invoiceId()) : null;
        String chargeId = invoice != null ? invoice.chargeId() : session.chargeId();
        StripeFacts.Charge charge = session.paid() && chargeId != null ? stripe.charge(account, chargeId) : null;
        transaction.executeWithoutResult(status -> applySession(tenant, session, invoice, charge, failureReported));
        if (session.paid() && session.subscriptionId() != null) {
            subscription(account, session.subscriptionId(), false);
        }
    }

    private void applySession(
            TenantId tenant,
            StripeFacts.Session session,
            StripeFacts.@Nullable Invoice invoice,
            StripeFacts.@Nullable Charge charge,
            boolean failureReported) {
        UUID offerId = uuid(StripeReader.metadataValue(session.metadata(), CheckoutMetadata.OFFER));
        Optional<Offer> offer = offerId == null ? Optional.empty() : catalog.offer(offerId);
        OrdersRecord order = lockOrInsertCheckoutOrder(tenant, session, offer.orElse(null), offerId);
        String current = order.getStatus();
        String target = LedgerRules.checkoutStatus(session, failureReported);
        OffsetDateTime now = now();
        if (LedgerRules.UNPAID.contains(current)) {
            if (target.equals(LedgerRules.PAID)) {
                markPaid(tenant, order, session, invoice, offer.orElse(null));
            } else if (!target.equals(current) && !target.equals(LedgerRules.PENDING)) {
                order.setStatus(target);
                order.setUpdatedAt(now);
                order.update();
            }
        } else if (invoice != null || session.chargeId() != null) {
            // Paid before: fill in what an earlier, partial read did not know yet.
            fillPaymentIds(order, session.paymentIntentId(), session.chargeId(), session.applicationFee(), invoice);
        }
        if (charge != null && !LedgerRules.UNPAID.contains(order.getStatus())) {
            applyCharge(tenant, order, charge);
        }
    }

    private OrdersRecord lockOrInsertCheckoutOrder(
            TenantId tenant, StripeFacts.Session session, @Nullable Offer offer, @Nullable UUID offerId) {
        Optional<OrdersRecord> bySession = lockWhere(ORDERS.STRIPE_CHECKOUT_SESSION_ID.eq(session.id()));
        if (bySession.isPresent()) {
            return bySession.get();
        }
        UUID pendingId = uuid(StripeReader.metadataValue(session.metadata(), CheckoutMetadata.ORDER));
        if (pendingId != null) {
            Optional<OrdersRecord> pending = lockWhere(ORDERS.ID.eq(pendingId));
            if (pending.isPresent() && pending.get().getStripeCheckoutSessionId() == null) {
                pending.get().setStripeCheckoutSessionId(session.id());
                pending.get().update();
                return pending.get();
            }
        }
        // The checkout's pending row is missing (or names another session): the session is the truth.
        OffsetDateTime now = now();
        OfferKind kind = offer != null ? offer.kind() : session.subscription() ? OfferKind.COACHING : OfferKind.GUIDE;
        db.insertInto(ORDERS)
                .set(ORDERS.TENANT_ID, tenant.value())
                .set(
                        ORDERS.ID,
                        pendingId != null && !db.fetchExists(ORDERS, ORDERS.ID.eq(pendingId)) ? pendingId : newId())
                .set(ORDERS.OFFER_ID, offer != null ? offerId : null)
                .set(ORDERS.KIND, kind.dbValue())
                .set(ORDERS.BUYER_EMAIL, email(session.email()))
                .set(ORDERS.STATUS, LedgerRules.PENDING)
                .set(ORDERS.CURRENCY, currencyOr(session.currency(), offer))
                .set(ORDERS.STRIPE_CHECKOUT_SESSION_ID, session.id())
                .set(ORDERS.LIVEMODE, session.livemode())
                .set(ORDERS.CREATED_AT, now)
                .set(ORDERS.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute();
        return lockWhere(ORDERS.STRIPE_CHECKOUT_SESSION_ID.eq(session.id()))
                .orElseThrow(
                        () -> new IllegalStateException("Order of checkout session " + session.id() + " vanished"));
    }

    private void markPaid(
            TenantId tenant,
            OrdersRecord order,
            StripeFacts.Session session,
            StripeFacts.@Nullable Invoice invoice,
            @Nullable Offer offer) {
        Buyer buyer = buyer(session);
        Optional<String> mismatch = LedgerRules.mismatch(offer, session.currency(), session.subtotal(), 1);
        OffsetDateTime now = now();
        if (offer != null) {
            order.setKind(offer.kind().dbValue());
        }
        order.setStatus(mismatch.isPresent() ? LedgerRules.REVIEW : LedgerRules.PAID);
        order.setReviewReason(mismatch.orElse(null));
        order.setClientId(buyer.client().value());
        order.setBuyerEmail(email(session.email() != null ? session.email() : order.getBuyerEmail()));
        order.setBuyerName(truncate(session.name(), 200));
        order.setCurrency(session.currency());
        order.setAmountSubtotalMinor(session.subtotal());
        order.setDiscountMinor(session.discount());
        order.setTaxMinor(session.tax());
        order.setAmountTotalMinor(session.total());
        order.setStripeSubscriptionId(session.subscriptionId());
        order.setLivemode(session.livemode());
        order.setPaidAt(now);
        order.setUpdatedAt(now);
        fillPaymentIds(order, session.paymentIntentId(), session.chargeId(), session.applicationFee(), invoice);
        if (mismatch.isPresent()) {
            log.warn("Order {} paid but held for review: {}", order.getId(), mismatch.get());
            return;
        }
        OfferKind kind = OfferKind.fromDb(order.getKind());
        if (kind != OfferKind.COACHING) {
            // A coaching package's access comes from its subscription, not from the order.
            grantForOrder(tenant, order, kind);
        }
        events.publishEvent(new OrderPaid(
                newId(),
                tenant,
                order.getId(),
                buyer.client(),
                order.getOfferId(),
                kind,
                order.getAmountTotalMinor(),
                order.getCurrency(),
                buyer.guest(),
                clock.instant()));
    }

    private void fillPaymentIds(
            OrdersRecord order,
            @Nullable String paymentIntentId,
            @Nullable String chargeId,
            long applicationFee,
            StripeFacts.@Nullable Invoice invoice) {
        if (invoice != null) {
            paymentIntentId = invoice.paymentIntentId();
            chargeId = invoice.chargeId();
            applicationFee = invoice.applicationFee();
            if (order.getStripeInvoiceId() == null) {
                order.setStripeInvoiceId(invoice.id());
            }
        }
        if (order.getStripePaymentIntentId() == null) {
            order.setStripePaymentIntentId(paymentIntentId);
        }
        if (order.getStripeChargeId() == null) {
            order.setStripeChargeId(chargeId);
        }
        if (applicationFee > 0) {
            order.setApplicationFeeMinor(applicationFee);
        }
        if (order.changed()) {
            order.setUpdatedAt(now());
            order.update();
        }
    }

    private record Buyer(ClientId client, boolean guest) {}

    private Buyer buyer(StripeFacts.Session session) {
        UUID signedIn = uuid(StripeReader.metadataValue(session.metadata(), CheckoutMetadata.CLIENT));
        if (signedIn != null) {
            return new Buyer(new ClientId(signedIn), false);
        }
        if (session.email() == null || session.email().isBlank()) {
            throw new IllegalStateException("Paid checkout session " + session.id()
                    + " has neither a signed-in client nor the buyer's email address");
        }
        RosterService.Buyer buyer = roster.findOrInviteBuyer(session.email(), session.name());
        return new Buyer(buyer.clientId(), buyer.invited());
    }

    private void grantForOrder(TenantId tenant, OrdersRecord order, OfferKind kind) {
        db.insertInto(ENTITLEMENTS)
                .set(ENTITLEMENTS.TENANT_ID, tenant.value())
                .set(ENTITLEMENTS.ID, newId())
                .set(ENTITLEMENTS.CLIENT_ID, order.getClientId())
                .set(ENTITLEMENTS.OFFER_ID, order.getOfferId())
                .set(ENTITLEMENTS.KIND, LedgerRules.entitlementKind(kind))
                .set(ENTITLEMENTS.ORDER_ID, order.getId())
                .set(ENTITLEMENTS.STATUS, "active")
                .set(ENTITLEMENTS.GRANTED_AT, now())
                .onConflictDoNothing()
                .execute();
    }

    // ---------------------------------------------------------------------------------------------
    // Charges: refunds

    /** A charge's refunds: the order's refunded amount and status, refund rows, revocation. */
    public void charge(String account, String chargeId) throws StripeException {
        TenantId tenant = TenantContext.require();
        StripeFacts.Charge charge = stripe.charge(account, chargeId);
        Boolean applied = transaction.execute(status -> lockOrderOfCharge(charge.id(), charge.paymentIntentId())
                .map(order -> {
                    applyCharge(tenant, order, charge);
                    return true;
                })
                .orElse(false));
        if (Boolean.TRUE.equals(applied)) {
            return;
        }
        // The charge came before its checkout was recorded: record the checkout, which applies the charge.
        Optional<String> session = stripe.sessionIdOf(account, charge.paymentIntentId(), null);
        if (session.isEmpty()) {
            throw new IllegalStateException(
                    "No order for charge " + chargeId + " yet (its invoice may still be on the way); retried later");
        }
        checkoutSession(account, session.get(), false);
    }

    private Optional<OrdersRecord> lockOrderOfCharge(String chargeId, @Nullable String paymentIntentId) {
        Optional<OrdersRecord> byCharge = lockWhere(ORDERS.STRIPE_CHARGE_ID.eq(chargeId));
        if (byCharge.isPresent() || paymentIntentId == null) {
            return byCharge;
        }
        return lockWhere(ORDERS.STRIPE_PAYMENT_INTENT_ID.eq(paymentIntentId));
    }

    private void applyCharge(TenantId tenant, OrdersRecord order, StripeFacts.Charge charge) {
        if (order.getStripeChargeId() == null) {
            order.setStripeChargeId(charge.id());
        }
        long refunded = Math.min(charge.amountRefunded(), order.getAmountTotalMinor());
        order.setRefundedMinor(refunded);
        List<StripeFacts.Refund> newlySucceeded = new ArrayList<>();
        for (StripeFacts.Refund refund : charge.refunds()) {
            if (upsertRefund(tenant, order, refund)) {
                newlySucceeded.add(refund);
            }
        }
        String status = settle(order);
        for (StripeFacts.Refund refund : newlySucceeded) {
            if (order.getClientId() != null) {
                events.publishEvent(new RefundIssued(
                        newId(),
                        tenant,
                        order.getId(),
                        new ClientId(order.getClientId()),
                        refund.amount(),
                        refund.currency(),
                        status.equals(LedgerRules.REFUNDED),
                        clock.instant()));
            }
        }
    }

    /** @return true when the refund succeeded just now (in our ledger) */
    private boolean upsertRefund(TenantId tenant, OrdersRecord order, StripeFacts.Refund refund) {
        var row = db.selectFrom(REFUNDS)
                .where(REFUNDS.STRIPE_REFUND_ID.eq(refund.id()))
                .forUpdate()
                .fetchOptional()
                .or(() -> Optional.ofNullable(uuid(refund.ourRefundId())).flatMap(id -> db.selectFrom(REFUNDS)
                        .where(REFUNDS.ID.eq(id))
                        .forUpdate()
                        .fetchOptional()));
        OffsetDateTime now = now();
        if (row.isEmpty()) {
            // Refunded in Stripe's dashboard, not through Loadwise.
            db.insertInto(REFUNDS)
                    .set(REFUNDS.TENANT_ID, tenant.value())
                    .set(REFUNDS.ID, newId())
                    .set(REFUNDS.ORDER_ID, order.getId())
                    .set(REFUNDS.STRIPE_REFUND_ID, refund.id())
                    .set(REFUNDS.AMOUNT_MINOR, refund.amount())
                    .set(REFUNDS.CURRENCY, refund.currency())
                    .set(REFUNDS.REASON, truncate(refund.reason(), 500))
                    .set(REFUNDS.STATUS, refundStatus(refund.status()))
                    .set(REFUNDS.CREATED_AT, refund.created().atOffset(ZoneOffset.UTC))
                    .set(REFUNDS.UPDATED_AT, now)
                    .onConflictDoNothing()
                    .execute();
            return "succeeded".equals(refund.status());
        }
        var existing = row.get();
        boolean newlySucceeded = "succeeded".equals(refund.status()) && !"succeeded".equals(existing.getStatus());
        existing.setStripeRefundId(refund.id());
        existing.setStatus(refundStatus(refund.status()));
        existing.setAmountMinor(refund.amount());
        if (existing.changed()) {
            existing.setUpdatedAt(now);
            existing.update();
        }
        return newlySucceeded;
    }

    static String refundStatus(String stripeStatus) {
        return switch (stripeStatus) {
            case "pending", "requires_action", "succeeded", "failed", "canceled" -> stripeStatus;
            default -> "pending";
        };
    }

    /** Recomputes a paid order's status and what it grants from refunds and disputes; saves it. */
    private String settle(OrdersRecord order) {
        DisputeOutcome dispute = db.select(DISPUTES.STATUS)
                .from(DISPUTES)
                .where(DISPUTES.ORDER_ID.eq(order.getId()))
                .orderBy(DISPUTES.OPENED_AT.desc(), DISPUTES.ID.desc())
                .limit(1)
                .fetchOptional(DISPUTES.STATUS)
                .map(DisputeOutcome::of)
                .orElse(null);
        String status = LedgerRules.settled(
                order.getStatus(),
                order.getReviewReason() != null,
                order.getAmountTotalMinor(),
                order.getRefundedMinor(),
                dispute);
        order.setStatus(status);
        if (order.changed()) {
            order.setUpdatedAt(now());
            order.update();
        }
        if (LedgerRules.GRANTING.contains(status)) {
            db.update(ENTITLEMENTS)
                    .set(ENTITLEMENTS.STATUS, "active")
                    .setNull(ENTITLEMENTS.ENDED_AT)
                    .setNull(ENTITLEMENTS.END_REASON)
                    .where(ENTITLEMENTS.ORDER_ID.eq(order.getId()))
                    .and(ENTITLEMENTS.STATUS.eq("revoked"))
                    .execute();
        } else if (status.equals(LedgerRules.REFUNDED) || status.equals(LedgerRules.DISPUTE_LOST)) {
            db.update(ENTITLEMENTS)
                    .set(ENTITLEMENTS.STATUS, "revoked")
                    .set(ENTITLEMENTS.ENDED_AT, now())
                    .set(
                            ENTITLEMENTS.END_REASON,
                            status.equals(LedgerRules.REFUNDED) ? "Order refunded in full" : "Dispute lost")
                    .where(ENTITLEMENTS.ORDER_ID.eq(order.getId()))
                    .and(ENTITLEMENTS.STATUS.eq("active"))
                    .execute();
        }
        return status;
    }

    // ---------------------------------------------------------------------------------------------
    // Disputes

    public void dispute(String account, String disputeId) throws StripeException {
        TenantId tenant = TenantContext.require();
        StripeFacts.Dispute dispute = stripe.dispute(account, disputeId);
        Boolean found = transaction.execute(status -> applyDispute(tenant, dispute, false));
        if (Boolean.TRUE.equals(found)) {
            return;
        }
        StripeFacts.Charge charge = stripe.charge(account, dispute.chargeId());
        Optional<String> session = stripe.sessionIdOf(account, charge.paymentIntentId(), null);
        if (session.isPresent()) {
            checkoutSession(account, session.get(), false);
        }
        // Recorded either way: a dispute on a charge we do not know still needs the coach's answer.
        transaction.execute(status -> applyDispute(tenant, dispute, true));
    }

    private boolean applyDispute(TenantId tenant, StripeFacts.Dispute dispute, boolean evenWithoutOrder) {
        Optional<OrdersRecord> order = lockWhere(ORDERS.STRIPE_CHARGE_ID.eq(dispute.chargeId()));
        if (order.isEmpty() && !evenWithoutOrder) {
            return false;
        }
        OffsetDateTime now = now();
        UUID orderId = order.map(OrdersRecord::getId).orElse(null);
        UUID id = newId();
        int inserted = db.insertInto(DISPUTES)
                .set(DISPUTES.TENANT_ID, tenant.value())
                .set(DISPUTES.ID, id)
                .set(DISPUTES.ORDER_ID, orderId)
                .set(DISPUTES.STRIPE_DISPUTE_ID, dispute.id())
                .set(DISPUTES.STRIPE_CHARGE_ID, dispute.chargeId())
                .set(DISPUTES.AMOUNT_MINOR, dispute.amount())
                .set(DISPUTES.CURRENCY, dispute.currency())
                .set(DISPUTES.REASON, truncate(dispute.reason(), 100))
                .set(DISPUTES.STATUS, dispute.status())
                .set(DISPUTES.OPENED_AT, dispute.created().atOffset(ZoneOffset.UTC))
                .set(DISPUTES.CLOSED_AT, dispute.closed() ? now : null)
                .set(DISPUTES.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            events.publishEvent(new DisputeOpened(
                    newId(),
                    tenant,
                    id,
                    orderId,
                    dispute.amount(),
                    dispute.currency(),
                    Objects.requireNonNullElse(dispute.reason(), "unknown"),
                    clock.instant()));
        } else {
            db.update(DISPUTES)
                    .set(DISPUTES.STATUS, dispute.status())
                    .set(DISPUTES.ORDER_ID, DSL.coalesce(DISPUTES.ORDER_ID, DSL.val(orderId, DISPUTES.ORDER_ID)))
                    .set(
                            DISPUTES.CLOSED_AT,
                            dispute.closed()
                                    ? DSL.coalesce(DISPUTES.CLOSED_AT, DSL.val(now, DISPUTES.CLOSED_AT))
                                    : DSL.castNull(DISPUTES.CLOSED_AT))
                    .set(DISPUTES.UPDATED_AT, now)
                    .where(DISPUTES.STRIPE_DISPUTE_ID.eq(dispute.id()))
                    .execute();
        }
        order.ifPresent(o -> {
            if (!LedgerRules.UNPAID.contains(o.getStatus())) {
                settle(o);
            }
        });
        return order.isPresent();
    }

    // ---------------------------------------------------------------------------------------------
    // Subscriptions and invoices

    /** A subscription: its row, the coaching entitlement, and the lifecycle events. */
    public void subscription(String account, String subscriptionId) throws StripeException {
        subscription(account, subscriptionId, true);
    }

    private void subscription(String account, String subscriptionId, boolean mayRecordCheckout) throws StripeException {
        TenantId tenant = TenantContext.require();
        StripeFacts.Subscription subscription = stripe.subscription(account, subscriptionId);
        if (!belongsHere(subscription.metadata(), tenant)) {
            log.warn("Subscription {} names another business; ignored", subscriptionId);
            return;
        }
        Boolean applied = transaction.execute(status -> applySubscription(tenant, subscription));
        if (Boolean.TRUE.equals(applied)) {
            return;
        }
        // Its checkout has not been recorded yet, so we do not know the client: record it first.
        Optional<String> session = mayRecordCheckout ? checkoutSessionOf(account, subscription) : Optional.empty();
        if (session.isEmpty()) {
            throw new IllegalStateException(
                    "Subscription " + subscriptionId + " has no recorded checkout (and no client) yet; retried later");
        }
        checkoutSession(account, session.get(), false);
    }

    private Optional<String> checkoutSessionOf(String account, StripeFacts.Subscription subscription)
            throws StripeException {
        UUID orderId = uuid(StripeReader.metadataValue(subscription.metadata(), CheckoutMetadata.ORDER));
        if (orderId != null) {
            Optional<String> known = transaction.execute(status -> db.select(ORDERS.STRIPE_CHECKOUT_SESSION_ID)
                    .from(ORDERS)
                    .where(ORDERS.ID.eq(orderId))
                    .fetchOptional(ORDERS.STRIPE_CHECKOUT_SESSION_ID));
            if (known != null && known.isPresent() && known.get() != null) {
                return known;
            }
        }
        return stripe.sessionIdOf(account, null, subscription.id());
    }

    private boolean applySubscription(TenantId tenant, StripeFacts.Subscription s) {
        Optional<SubscriptionsRecord> existing = db.selectFrom(SUBSCRIPTIONS)
                .where(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID.eq(s.id()))
                .forUpdate()
                .fetchOptional();
        Optional<OrdersRecord> checkoutOrder = db.selectFrom(ORDERS)
                .where(ORDERS.STRIPE_SUBSCRIPTION_ID.eq(s.id()))
                .and(ORDERS.STRIPE_CHECKOUT_SESSION_ID.isNotNull())
                .fetchOptional();
        UUID client = existing.map(SubscriptionsRecord::getClientId)
                .or(() -> checkoutOrder.map(OrdersRecord::getClientId))
                .or(() -> Optional.ofNullable(uuid(StripeReader.metadataValue(s.metadata(), CheckoutMetadata.CLIENT))))
                .orElse(null);
        if (client == null) {
            return false;
        }
        UUID offerId = existing.map(SubscriptionsRecord::getOfferId)
                .or(() -> checkoutOrder.map(OrdersRecord::getOfferId))
                .or(() -> Optional.ofNullable(uuid(StripeReader.metadataValue(s.metadata(), CheckoutMetadata.OFFER))))
                .orElse(null);
        String previous = existing.map(SubscriptionsRecord::getStatus).orElse(null);
        OffsetDateTime now = now();
        SubscriptionsRecord row = existing.orElseGet(() -> {
            SubscriptionsRecord created = db.newRecord(SUBSCRIPTIONS);
            created.setTenantId(tenant.value());
            created.setId(newId());
            created.setStripeSubscriptionId(s.id());
            created.setClientId(client);
            return created;
        });
        row.setStripeCustomerId(Objects.requireNonNullElse(s.customerId(), ""));
        row.setOfferId(offerId);
        row.setStatus(s.status());
        row.setAmountMinor(s.amount());
        row.setCurrency(s.currency());
        row.setBillingInterval(s.interval());
        row.setCancelAtPeriodEnd(s.cancelAtPeriodEnd());
        row.setCurrentPeriodEnd(time(s.currentPeriodEnd()));
        row.setTrialEnd(time(s.trialEnd()));
        row.setStartedAt(s.started().atOffset(ZoneOffset.UTC));
        row.setCanceledAt(time(s.canceledAt()));
        row.setEndedAt(time(s.endedAt()));
        if (existing.isEmpty()) {
            row.setUpdatedAt(now);
            row.store();
        } else if (row.changed()) {
            row.setUpdatedAt(now);
            row.setVersion(row.getVersion() + 1);
            row.update();
        }
        ClientId clientId = new ClientId(client);
        if (LedgerRules.SUBSCRIPTION_ACTIVE.contains(s.status())) {
            int granted = db.insertInto(ENTITLEMENTS)
                    .set(ENTITLEMENTS.TENANT_ID, tenant.value())
                    .set(ENTITLEMENTS.ID, newId())
                    .set(ENTITLEMENTS.CLIENT_ID, client)
                    .set(ENTITLEMENTS.OFFER_ID, offerId)
                    .set(ENTITLEMENTS.KIND, "coaching")
                    .set(ENTITLEMENTS.SUBSCRIPTION_ID, row.getId())
                    .set(ENTITLEMENTS.STATUS, "active")
                    .set(ENTITLEMENTS.GRANTED_AT, now)
                    .onConflictDoNothing()
                    .execute();
            if (granted == 1) {
                events.publishEvent(
                        new SubscriptionStarted(newId(), tenant, row.getId(), s.id(), clientId, clock.instant()));
            } else {
                // Stripe brought it back (an unpaid subscription paid after all).
                db.update(ENTITLEMENTS)
                        .set(ENTITLEMENTS.STATUS, "active")
                        .setNull(ENTITLEMENTS.ENDED_AT)
                        .setNull(ENTITLEMENTS.END_REASON)
                        .where(ENTITLEMENTS.SUBSCRIPTION_ID.eq(row.getId()))
                        .and(ENTITLEMENTS.STATUS.eq("ended"))
                        .execute();
            }
        } else if (LedgerRules.SUBSCRIPTION_ENDED.contains(s.status())) {
            db.update(ENTITLEMENTS)
                    .set(ENTITLEMENTS.STATUS, "ended")
                    .set(ENTITLEMENTS.ENDED_AT, s.endedAt() != null ? time(s.endedAt()) : now)
                    .set(ENTITLEMENTS.END_REASON, "Subscription " + s.status().replace('_', ' '))
                    .where(ENTITLEMENTS.SUBSCRIPTION_ID.eq(row.getId()))
                    .and(ENTITLEMENTS.STATUS.eq("active"))
                    .execute();
        }
        if ("past_due".equals(s.status()) && !"past_due".equals(previous)) {
            events.publishEvent(
                    new SubscriptionPastDue(newId(), tenant, row.getId(), s.id(), clientId, clock.instant()));
        }
        if ("canceled".equals(s.status()) && !"canceled".equals(previous)) {
            events.publishEvent(
                    new SubscriptionCanceled(newId(), tenant, row.getId(), s.id(), clientId, clock.instant()));
        }
        return true;
    }

    /** A paid invoice: the first one completes the checkout order, each renewal is an order of its own. */
    public void invoice(String account, String invoiceId) throws StripeException {
        TenantId tenant = TenantContext.require();
        StripeFacts.Invoice invoice = stripe.invoice(account, invoiceId);
        if (invoice.subscriptionId() == null) {
            log.info("Invoice {} belongs to no subscription; not ours", invoiceId);
            return;
        }
        if (!invoice.paid()) {
            subscription(account, invoice.subscriptionId());
            return;
        }
        Boolean applied = transaction.execute(status -> applyInvoice(tenant, invoice));
        if (Boolean.TRUE.equals(applied)) {
            return;
        }
        // Its checkout (the first invoice's order) or its subscription (a renewal's client) is not
        // recorded yet: record the checkout, which brings the subscription in too.
        StripeFacts.Subscription subscription = stripe.subscription(account, invoice.subscriptionId());
        Optional<String> session = checkoutSessionOf(account, subscription);
        if (session.isPresent()) {
            checkoutSession(account, session.get(), false);
        } else {
            subscription(account, invoice.subscriptionId());
        }
        applied = transaction.execute(status -> applyInvoice(tenant, invoice));
        if (!Boolean.TRUE.equals(applied)) {
            throw new IllegalStateException(
                    "Invoice " + invoiceId + " has no recorded subscription yet; retried later");
        }
    }

    /** A failed renewal payment: Stripe moves the subscription (past due, later unpaid or canceled). */
    public void invoicePaymentFailed(String account, String invoiceId) throws StripeException {
        StripeFacts.Invoice invoice = stripe.invoice(account, invoiceId);
        if (invoice.subscriptionId() != null) {
            subscription(account, invoice.subscriptionId());
        }
    }

    private boolean applyInvoice(TenantId tenant, StripeFacts.Invoice invoice) {
        Optional<OrdersRecord> own = lockWhere(ORDERS.STRIPE_INVOICE_ID.eq(invoice.id()));
        if (own.isEmpty() && invoice.firstOfSubscription()) {
            own = lockWhere(ORDERS.STRIPE_SUBSCRIPTION_ID.eq(invoice.subscriptionId()))
                    .filter(order -> order.getStripeCheckoutSessionId() != null && order.getStripeInvoiceId() == null);
            if (own.isEmpty()) {
                return false;
            }
        }
        if (own.isPresent()) {
            fillPaymentIds(own.get(), null, null, 0, invoice);
            return true;
        }
        Optional<SubscriptionsRecord> subscription = db.selectFrom(SUBSCRIPTIONS)
                .where(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID.eq(invoice.subscriptionId()))
                .fetchOptional();
        if (subscription.isEmpty()) {
            return false;
        }
        SubscriptionsRecord sub = subscription.get();
        String buyerEmail = invoice.email() != null
                ? invoice.email()
                : db.select(ORDERS.BUYER_EMAIL)
                        .from(ORDERS)
                        .where(ORDERS.STRIPE_SUBSCRIPTION_ID.eq(invoice.subscriptionId()))
                        .orderBy(ORDERS.CREATED_AT)
                        .limit(1)
                        .fetchOptional(ORDERS.BUYER_EMAIL)
                        .orElse("");
        OffsetDateTime now = now();
        UUID orderId = newId();
        int inserted = db.insertInto(ORDERS)
                .set(ORDERS.TENANT_ID, tenant.value())
                .set(ORDERS.ID, orderId)
                .set(ORDERS.OFFER_ID, sub.getOfferId())
                .set(ORDERS.KIND, OfferKind.COACHING.dbValue())
                .set(ORDERS.CLIENT_ID, sub.getClientId())
                .set(ORDERS.BUYER_EMAIL, email(buyerEmail))
                .set(ORDERS.BUYER_NAME, truncate(invoice.name(), 200))
                .set(ORDERS.STATUS, LedgerRules.PAID)
                .set(ORDERS.CURRENCY, invoice.currency())
                .set(ORDERS.AMOUNT_SUBTOTAL_MINOR, invoice.subtotal())
                .set(ORDERS.DISCOUNT_MINOR, invoice.discount())
                .set(ORDERS.TAX_MINOR, invoice.tax())
                .set(ORDERS.AMOUNT_TOTAL_MINOR, invoice.total())
                .set(ORDERS.APPLICATION_FEE_MINOR, invoice.applicationFee())
                .set(ORDERS.STRIPE_PAYMENT_INTENT_ID, invoice.paymentIntentId())
                .set(ORDERS.STRIPE_CHARGE_ID, invoice.chargeId())
                .set(ORDERS.STRIPE_INVOICE_ID, invoice.id())
                .set(ORDERS.STRIPE_SUBSCRIPTION_ID, invoice.subscriptionId())
                .set(ORDERS.LIVEMODE, invoice.livemode())
                .set(ORDERS.CREATED_AT, invoice.created().atOffset(ZoneOffset.UTC))
                .set(ORDERS.PAID_AT, invoice.paidAt() != null ? time(invoice.paidAt()) : now)
                .set(ORDERS.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute();
        if (inserted == 1) {
            events.publishEvent(new OrderPaid(
                    newId(),
                    tenant,
                    orderId,
                    new ClientId(sub.getClientId()),
                    sub.getOfferId(),
                    OfferKind.COACHING,
                    invoice.total(),
                    invoice.currency(),
                    false,
                    clock.instant()));
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------

    private Optional<OrdersRecord> lockWhere(org.jooq.Condition condition) {
        return db.selectFrom(ORDERS).where(condition).forUpdate().fetchOptional();
    }

    /** Metadata naming another tenant means the object is not this business's to record. */
    private static boolean belongsHere(java.util.Map<String, String> metadata, TenantId tenant) {
        String named = StripeReader.metadataValue(metadata, CheckoutMetadata.TENANT);
        return named == null || named.equals(tenant.toString());
    }

    private UUID newId() {
        return Ids.newId(clock);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable UUID uuid(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String email(@Nullable String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static String currencyOr(String currency, @Nullable Offer offer) {
        return !currency.isBlank() ? currency : offer != null ? offer.currency() : "USD";
    }

    private static @Nullable String truncate(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
