package io.loadwise.billing.checkout.internal;

import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.OFFERS;
import static io.loadwise.jooq.Tables.OFFER_FILES;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.PROMOTION_CODES;
import static io.loadwise.jooq.Tables.SUBSCRIPTIONS;

import io.loadwise.catalog.OfferKind;
import io.loadwise.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** What checkout reads and writes, in the bound tenant (row level security). */
@Repository
public class CheckoutRepository {

    private final DSLContext db;

    CheckoutRepository(DSLContext db) {
        this.db = db;
    }

    /** An offer as checkout needs it, with whether a guide's PDF is there. */
    @Transactional(readOnly = true)
    public Optional<OfferForSale> offer(UUID offerId) {
        return db.select(
                        OFFERS.ID,
                        OFFERS.KIND,
                        OFFERS.TITLE,
                        OFFERS.PRICE_MINOR,
                        OFFERS.CURRENCY,
                        OFFERS.ACTIVE,
                        OFFERS.STRIPE_PRICE_ID,
                        OFFERS.TRIAL_DAYS,
                        DSL.field(DSL.exists(DSL.selectOne()
                                        .from(OFFER_FILES)
                                        .where(
                                                OFFER_FILES.TENANT_ID.eq(OFFERS.TENANT_ID),
                                                OFFER_FILES.OFFER_ID.eq(OFFERS.ID),
                                                OFFER_FILES.PURPOSE.eq("guide_pdf"))))
                                .as("has_guide_pdf"))
                .from(OFFERS)
                .where(OFFERS.ID.eq(offerId))
                .fetchOptional(r -> new OfferForSale(
                        r.get(OFFERS.ID),
                        OfferKind.fromDb(r.get(OFFERS.KIND)),
                        r.get(OFFERS.TITLE),
                        r.get(OFFERS.PRICE_MINOR),
                        r.get(OFFERS.CURRENCY),
                        r.get(OFFERS.ACTIVE),
                        r.get(OFFERS.STRIPE_PRICE_ID),
                        r.get(OFFERS.TRIAL_DAYS),
                        r.get("has_guide_pdf", Boolean.class)));
    }

    /**
     * An active, unexpired promotion code mirrored on the connected account. Read here until the
     * catalog's ProductService offers a lookup by code.
     */
    @Transactional(readOnly = true)
    public Optional<KnownPromotionCode> activePromotionCode(String code, OffsetDateTime now) {
        return db.selectFrom(PROMOTION_CODES)
                .where(
                        PROMOTION_CODES.CODE.eq(code),
                        PROMOTION_CODES.ACTIVE.isTrue(),
                        PROMOTION_CODES.STRIPE_PROMOTION_CODE_ID.isNotNull(),
                        PROMOTION_CODES.EXPIRES_AT.isNull().or(PROMOTION_CODES.EXPIRES_AT.gt(now)))
                .fetchOptional(r -> new KnownPromotionCode(
                        r.getCode(),
                        r.getStripePromotionCodeId(),
                        r.getPercentOff(),
                        r.getAmountOffMinor(),
                        r.getCurrency()));
    }

    /** Our order row before Stripe knows of it: the webhook later completes it by session id. */
    @Transactional
    public void insertPendingOrder(PendingOrder order, OffsetDateTime now) {
        db.insertInto(ORDERS)
                .set(ORDERS.TENANT_ID, TenantContext.require().value())
                .set(ORDERS.ID, order.id())
                .set(ORDERS.OFFER_ID, order.offerId())
                .set(ORDERS.KIND, order.kind().dbValue())
                .set(ORDERS.CLIENT_ID, order.clientId())
                .set(ORDERS.BUYER_EMAIL, order.buyerEmail())
                .set(ORDERS.STATUS, "pending")
                .set(ORDERS.CURRENCY, order.currency())
                .set(ORDERS.AMOUNT_SUBTOTAL_MINOR, order.subtotalMinor())
                .set(ORDERS.LIVEMODE, order.livemode())
                .set(ORDERS.CREATED_AT, now)
                .set(ORDERS.UPDATED_AT, now)
                .execute();
    }

    @Transactional
    public void attachCheckoutSession(UUID orderId, String sessionId, OffsetDateTime now) {
        db.update(ORDERS)
                .set(ORDERS.STRIPE_CHECKOUT_SESSION_ID, sessionId)
                .set(ORDERS.UPDATED_AT, now)
                .where(ORDERS.ID.eq(orderId))
                .execute();
    }

    /** Stripe refused the session: the pending order never reached anyone and is dropped. */
    @Transactional
    public void discardUnstartedOrder(UUID orderId) {
        db.deleteFrom(ORDERS)
                .where(ORDERS.ID.eq(orderId), ORDERS.STATUS.eq("pending"), ORDERS.STRIPE_CHECKOUT_SESSION_ID.isNull())
                .execute();
    }

    /** The order behind a Checkout Session, with whether its entitlement was granted. */
    @Transactional(readOnly = true)
    public Optional<OrderState> orderOfSession(String sessionId) {
        var bySubscription = ENTITLEMENTS.as("by_subscription");
        return db.select(
                        ORDERS.ID,
                        ORDERS.KIND,
                        ORDERS.STATUS,
                        ORDERS.BUYER_EMAIL,
                        ORDERS.CLIENT_ID,
                        OFFERS.TITLE,
                        DSL.field(DSL.exists(DSL.selectOne()
                                                .from(ENTITLEMENTS)
                                                .where(
                                                        ENTITLEMENTS.TENANT_ID.eq(ORDERS.TENANT_ID),
                                                        ENTITLEMENTS.ORDER_ID.eq(ORDERS.ID)))
                                        .or(DSL.exists(DSL.selectOne()
                                                .from(SUBSCRIPTIONS)
                                                .join(bySubscription)
                                                .on(
                                                        bySubscription.TENANT_ID.eq(SUBSCRIPTIONS.TENANT_ID),
                                                        bySubscription.SUBSCRIPTION_ID.eq(SUBSCRIPTIONS.ID))
                                                .where(
                                                        SUBSCRIPTIONS.TENANT_ID.eq(ORDERS.TENANT_ID),
                                                        SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID.eq(
                                                                ORDERS.STRIPE_SUBSCRIPTION_ID)))))
                                .as("entitled"))
                .from(ORDERS)
                .leftJoin(OFFERS)
                .on(OFFERS.TENANT_ID.eq(ORDERS.TENANT_ID), OFFERS.ID.eq(ORDERS.OFFER_ID))
                .where(ORDERS.STRIPE_CHECKOUT_SESSION_ID.eq(sessionId))
                .fetchOptional(r -> new OrderState(
                        r.get(ORDERS.ID),
                        OfferKind.fromDb(r.get(ORDERS.KIND)),
                        r.get(ORDERS.STATUS),
                        r.get(ORDERS.BUYER_EMAIL),
                        r.get(ORDERS.CLIENT_ID),
                        r.get(OFFERS.TITLE) == null ? "Your purchase" : r.get(OFFERS.TITLE),
                        r.get("entitled", Boolean.class)));
    }

    /** @param hasGuidePdf whether a guide's file was uploaded (meaningless for other kinds) */
    public record OfferForSale(
            UUID id,
            OfferKind kind,
            String title,
            long priceMinor,
            String currency,
            boolean active,
            @Nullable String stripePriceId,
            @Nullable Integer trialDays,
            boolean hasGuidePdf) {}

    public record KnownPromotionCode(
            String code,
            String stripePromotionCodeId,
            @Nullable Integer percentOff,
            @Nullable Long amountOffMinor,
            @Nullable String currency) {

        /** What the buyer pays after this code, as Stripe will compute it (never below zero). */
        public long appliedTo(long amountMinor, String amountCurrency) {
            if (percentOff != null) {
                long discount = Math.floorDiv(amountMinor * percentOff + 50, 100L);
                return Math.max(0, amountMinor - discount);
            }
            if (amountOffMinor != null && amountCurrency.equalsIgnoreCase(currency)) {
                return Math.max(0, amountMinor - amountOffMinor);
            }
            return amountMinor;
        }

        /** An amount-off code applies only to prices in its currency. */
        public boolean appliesTo(String amountCurrency) {
            return percentOff != null || amountCurrency.equalsIgnoreCase(currency);
        }
    }

    /** @param buyerEmail lower case; empty while unknown (a guest, until the webhook) */
    public record PendingOrder(
            UUID id,
            UUID offerId,
            OfferKind kind,
            @Nullable UUID clientId,
            String buyerEmail,
            String currency,
            long subtotalMinor,
            boolean livemode) {}

    public record OrderState(
            UUID id,
            OfferKind kind,
            String status,
            String buyerEmail,
            @Nullable UUID clientId,
            String offerTitle,
            boolean entitled) {}
}
