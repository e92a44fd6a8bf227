package io.loadwise.billing.orders.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.OFFERS;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.REFUNDS;
import static io.loadwise.jooq.Tables.SUBSCRIPTIONS;

import io.loadwise.billing.orders.EntitlementKind;
import io.loadwise.billing.orders.EntitlementStatus;
import io.loadwise.billing.orders.OrderStatus;
import io.loadwise.billing.orders.OrderView;
import io.loadwise.billing.orders.Purchase;
import io.loadwise.billing.orders.RefundView;
import io.loadwise.billing.orders.Subscriber;
import io.loadwise.billing.orders.SubscriptionStatus;
import io.loadwise.catalog.OfferKind;
import io.loadwise.jooq.tables.records.OrdersRecord;
import io.loadwise.jooq.tables.records.RefundsRecord;
import io.loadwise.jooq.tables.records.SubscriptionsRecord;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** Reads of the ledger for the coach's billing views and the client's purchases (tenant by RLS). */
@Repository
public class BillingQueries {

    /** Orders that never became money (an abandoned or expired checkout) stay out of the ledger view. */
    private static final Set<String> NOT_SALES = Set.of("pending", "expired");

    private static final Field<String> OFFER_TITLE =
            DSL.coalesce(OFFERS.TITLE, DSL.val("Deleted offer")).as("offer_title");

    private final DSLContext db;
    private final Clock clock;

    BillingQueries(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Newest first, after the order at ({@code afterCreated}, {@code afterId}) when given. */
    public List<OrderView> orders(@Nullable Instant afterCreated, @Nullable UUID afterId, int limit) {
        Condition condition = ORDERS.STATUS.notIn(NOT_SALES);
        if (afterCreated != null && afterId != null) {
            condition = condition.and(
                    DSL.row(ORDERS.CREATED_AT, ORDERS.ID).lt(afterCreated.atOffset(ZoneOffset.UTC), afterId));
        }
        return db.select(ORDERS.asterisk(), OFFER_TITLE)
                .from(ORDERS)
                .leftJoin(OFFERS)
                .on(OFFERS.TENANT_ID.eq(ORDERS.TENANT_ID), OFFERS.ID.eq(ORDERS.OFFER_ID))
                .where(condition)
                .orderBy(ORDERS.CREATED_AT.desc(), ORDERS.ID.desc())
                .limit(limit)
                .fetch(BillingQueries::orderView);
    }

    public Optional<OrderView> order(UUID id) {
        return db.select(ORDERS.asterisk(), OFFER_TITLE)
                .from(ORDERS)
                .leftJoin(OFFERS)
                .on(OFFERS.TENANT_ID.eq(ORDERS.TENANT_ID), OFFERS.ID.eq(ORDERS.OFFER_ID))
                .where(ORDERS.ID.eq(id))
                .fetchOptional(BillingQueries::orderView);
    }

    private static OrderView orderView(Record row) {
        OrdersRecord o = row.into(ORDERS);
        return new OrderView(
                o.getId(),
                o.getCreatedAt().toInstant(),
                o.getPaidAt() == null ? null : o.getPaidAt().toInstant(),
                row.get(OFFER_TITLE),
                OfferKind.fromDb(o.getKind()),
                o.getClientId() == null ? null : new ClientId(o.getClientId()),
                o.getBuyerName(),
                o.getBuyerEmail(),
                OrderStatus.valueOf(o.getStatus().toUpperCase(Locale.ROOT)),
                o.getCurrency(),
                o.getAmountTotalMinor(),
                o.getDiscountMinor(),
                o.getTaxMinor(),
                o.getApplicationFeeMinor(),
                o.getRefundedMinor(),
                o.getReviewReason());
    }

    public List<Subscriber> subscribers() {
        return db.select(SUBSCRIPTIONS.asterisk(), CLIENTS.DISPLAY_NAME, CLIENTS.EMAIL, OFFER_TITLE)
                .from(SUBSCRIPTIONS)
                .join(CLIENTS)
                .on(CLIENTS.TENANT_ID.eq(SUBSCRIPTIONS.TENANT_ID), CLIENTS.ID.eq(SUBSCRIPTIONS.CLIENT_ID))
                .leftJoin(OFFERS)
                .on(OFFERS.TENANT_ID.eq(SUBSCRIPTIONS.TENANT_ID), OFFERS.ID.eq(SUBSCRIPTIONS.OFFER_ID))
                .orderBy(
                        DSL.when(SUBSCRIPTIONS.STATUS.in("trialing", "active", "past_due"), 0)
                                .otherwise(1),
                        SUBSCRIPTIONS.STARTED_AT.desc())
                .fetch(row -> {
                    SubscriptionsRecord s = row.into(SUBSCRIPTIONS);
                    return new Subscriber(
                            s.getId(),
                            new ClientId(s.getClientId()),
                            row.get(CLIENTS.DISPLAY_NAME),
                            row.get(CLIENTS.EMAIL),
                            row.get(OFFER_TITLE),
                            subscriptionStatus(s.getStatus()),
                            s.getAmountMinor(),
                            s.getCurrency(),
                            s.getBillingInterval(),
                            instant(s.getCurrentPeriodEnd()),
                            instant(s.getTrialEnd()),
                            s.getCancelAtPeriodEnd(),
                            s.getStartedAt().toInstant());
                });
    }

    public List<Revenue.Paid> paidSince(Instant since) {
        return db.select(ORDERS.PAID_AT, ORDERS.CURRENCY, ORDERS.AMOUNT_TOTAL_MINOR, ORDERS.APPLICATION_FEE_MINOR)
                .from(ORDERS)
                .where(ORDERS.PAID_AT.ge(since.atOffset(ZoneOffset.UTC)))
                .and(ORDERS.STATUS.notIn("pending", "failed", "expired"))
                .fetch(r -> new Revenue.Paid(r.value1().toInstant(), r.value2(), r.value3(), r.value4()));
    }

    public List<Revenue.Refunded> refundedSince(Instant since) {
        return db.select(REFUNDS.CREATED_AT, REFUNDS.CURRENCY, REFUNDS.AMOUNT_MINOR)
                .from(REFUNDS)
                .where(REFUNDS.CREATED_AT.ge(since.atOffset(ZoneOffset.UTC)))
                .and(REFUNDS.STATUS.eq("succeeded"))
                .fetch(r -> new Revenue.Refunded(r.value1().toInstant(), r.value2(), r.value3()));
    }

    // --- refunds ---------------------------------------------------------------------------------

    public Optional<OrdersRecord> lockOrder(UUID id) {
        return db.selectFrom(ORDERS).where(ORDERS.ID.eq(id)).forUpdate().fetchOptional();
    }

    /** What refunds asked for or made so far add up to (failed and canceled ones gave nothing back). */
    public long refundsInFlightOrDone(UUID orderId) {
        return db.select(DSL.coalesce(DSL.sum(REFUNDS.AMOUNT_MINOR), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(REFUNDS)
                .where(REFUNDS.ORDER_ID.eq(orderId))
                .and(REFUNDS.STATUS.in("pending", "requires_action", "succeeded"))
                .fetchSingle()
                .value1()
                .longValue();
    }

    public RefundView insertPendingRefund(
            UUID id, UUID orderId, long amount, String currency, @Nullable String reason, @Nullable UUID requestedBy) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        db.insertInto(REFUNDS)
                .set(REFUNDS.TENANT_ID, TenantContext.require().value())
                .set(REFUNDS.ID, id)
                .set(REFUNDS.ORDER_ID, orderId)
                .set(REFUNDS.AMOUNT_MINOR, amount)
                .set(REFUNDS.CURRENCY, currency)
                .set(REFUNDS.REASON, reason)
                .set(REFUNDS.STATUS, "pending")
                .set(REFUNDS.REQUESTED_BY, requestedBy)
                .set(REFUNDS.CREATED_AT, now)
                .set(REFUNDS.UPDATED_AT, now)
                .execute();
        return refund(id).orElseThrow();
    }

    /** Stripe's answer to our request; a status the webhook already set is not set back. */
    public void recordStripeRefund(UUID id, String stripeRefundId, String status) {
        db.update(REFUNDS)
                .set(REFUNDS.STRIPE_REFUND_ID, DSL.coalesce(REFUNDS.STRIPE_REFUND_ID, DSL.val(stripeRefundId)))
                .set(
                        REFUNDS.STATUS,
                        DSL.when(REFUNDS.STATUS.eq("pending"), DSL.val(LedgerSync.refundStatus(status)))
                                .otherwise(REFUNDS.STATUS))
                .set(REFUNDS.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(REFUNDS.ID.eq(id))
                .execute();
    }

    public void markRefundFailed(UUID id) {
        db.update(REFUNDS)
                .set(REFUNDS.STATUS, "failed")
                .set(REFUNDS.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(REFUNDS.ID.eq(id))
                .and(REFUNDS.STRIPE_REFUND_ID.isNull())
                .execute();
    }

    public Optional<RefundView> refund(UUID id) {
        return db.selectFrom(REFUNDS).where(REFUNDS.ID.eq(id)).fetchOptional(BillingQueries::refundView);
    }

    public List<RefundView> refunds(UUID orderId) {
        return db.selectFrom(REFUNDS)
                .where(REFUNDS.ORDER_ID.eq(orderId))
                .orderBy(REFUNDS.CREATED_AT.desc(), REFUNDS.ID.desc())
                .fetch(BillingQueries::refundView);
    }

    private static RefundView refundView(RefundsRecord r) {
        return new RefundView(
                r.getId(),
                r.getOrderId(),
                r.getAmountMinor(),
                r.getCurrency(),
                r.getReason(),
                r.getStatus(),
                r.getCreatedAt().toInstant());
    }

    // --- purchases -------------------------------------------------------------------------------

    public List<Purchase> purchasesOf(ClientId client) {
        return db.select(
                        ENTITLEMENTS.asterisk(),
                        OFFERS.TITLE,
                        OFFERS.KIND,
                        SUBSCRIPTIONS.STATUS,
                        SUBSCRIPTIONS.CURRENT_PERIOD_END,
                        SUBSCRIPTIONS.CANCEL_AT_PERIOD_END)
                .from(ENTITLEMENTS)
                .leftJoin(OFFERS)
                .on(OFFERS.TENANT_ID.eq(ENTITLEMENTS.TENANT_ID), OFFERS.ID.eq(ENTITLEMENTS.OFFER_ID))
                .leftJoin(SUBSCRIPTIONS)
                .on(
                        SUBSCRIPTIONS.TENANT_ID.eq(ENTITLEMENTS.TENANT_ID),
                        SUBSCRIPTIONS.ID.eq(ENTITLEMENTS.SUBSCRIPTION_ID))
                .where(ENTITLEMENTS.CLIENT_ID.eq(client.value()))
                .orderBy(ENTITLEMENTS.GRANTED_AT.desc())
                .fetch(row -> {
                    var e = row.into(ENTITLEMENTS);
                    EntitlementKind kind = EntitlementKind.valueOf(e.getKind().toUpperCase(Locale.ROOT));
                    OfferKind offerKind = row.get(OFFERS.KIND) != null
                            ? OfferKind.fromDb(row.get(OFFERS.KIND))
                            : switch (kind) {
                                case GUIDE_DOWNLOAD -> OfferKind.GUIDE;
                                case CUSTOM_PLAN -> OfferKind.CUSTOM_PLAN;
                                case COACHING -> OfferKind.COACHING;
                            };
                    String subscriptionStatus = row.get(SUBSCRIPTIONS.STATUS);
                    return new Purchase(
                            e.getId(),
                            kind,
                            offerKind,
                            row.get(OFFERS.TITLE) != null ? row.get(OFFERS.TITLE) : "Deleted offer",
                            EntitlementStatus.valueOf(e.getStatus().toUpperCase(Locale.ROOT)),
                            e.getGrantedAt().toInstant(),
                            e.getOrderId(),
                            e.getSubscriptionId(),
                            subscriptionStatus == null ? null : subscriptionStatus(subscriptionStatus),
                            instant(row.get(SUBSCRIPTIONS.CURRENT_PERIOD_END)),
                            Boolean.TRUE.equals(row.get(SUBSCRIPTIONS.CANCEL_AT_PERIOD_END)),
                            e.getDownloadCount());
                });
    }

    public Optional<SubscriptionsRecord> subscriptionOf(ClientId client, UUID subscriptionId) {
        return db.selectFrom(SUBSCRIPTIONS)
                .where(SUBSCRIPTIONS.ID.eq(subscriptionId))
                .and(SUBSCRIPTIONS.CLIENT_ID.eq(client.value()))
                .fetchOptional();
    }

    private static SubscriptionStatus subscriptionStatus(String status) {
        return SubscriptionStatus.valueOf(status.toUpperCase(Locale.ROOT));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
