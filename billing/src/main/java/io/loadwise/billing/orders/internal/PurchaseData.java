package io.loadwise.billing.orders.internal;

import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.OFFERS;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.SUBSCRIPTIONS;

import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The client's purchases: orders, what they granted, coaching subscriptions. Erasure keeps every
 * financial row (bookkeeping law requires them for years) but removes who the buyer was: the name
 * given at checkout goes, the address becomes a placeholder. The rows then point only at the
 * anonymized roster entry.
 */
@Component
class PurchaseData implements PersonalData {

    static final String ERASED_EMAIL = "erased@erased.invalid";

    private final DSLContext db;
    private final Clock clock;

    PurchaseData(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public String category() {
        return "purchases";
    }

    @Override
    public int order() {
        return 85;
    }

    @Override
    public Object export(ClientId client) {
        List<OrderExport> orders = db.select(ORDERS.asterisk(), OFFERS.TITLE)
                .from(ORDERS)
                .leftJoin(OFFERS)
                .on(OFFERS.TENANT_ID.eq(ORDERS.TENANT_ID), OFFERS.ID.eq(ORDERS.OFFER_ID))
                .where(ORDERS.CLIENT_ID.eq(client.value()))
                .orderBy(ORDERS.CREATED_AT)
                .fetch(r -> new OrderExport(
                        r.get(ORDERS.ID).toString(),
                        r.get(OFFERS.TITLE),
                        r.get(ORDERS.KIND),
                        r.get(ORDERS.STATUS),
                        r.get(ORDERS.BUYER_NAME),
                        r.get(ORDERS.BUYER_EMAIL),
                        r.get(ORDERS.CURRENCY),
                        r.get(ORDERS.AMOUNT_TOTAL_MINOR),
                        r.get(ORDERS.DISCOUNT_MINOR),
                        r.get(ORDERS.TAX_MINOR),
                        r.get(ORDERS.REFUNDED_MINOR),
                        instant(r.get(ORDERS.CREATED_AT)),
                        instant(r.get(ORDERS.PAID_AT))));
        List<EntitlementExport> entitlements = db.select(ENTITLEMENTS.asterisk(), OFFERS.TITLE)
                .from(ENTITLEMENTS)
                .leftJoin(OFFERS)
                .on(OFFERS.TENANT_ID.eq(ENTITLEMENTS.TENANT_ID), OFFERS.ID.eq(ENTITLEMENTS.OFFER_ID))
                .where(ENTITLEMENTS.CLIENT_ID.eq(client.value()))
                .orderBy(ENTITLEMENTS.GRANTED_AT)
                .fetch(r -> new EntitlementExport(
                        r.get(ENTITLEMENTS.KIND),
                        r.get(OFFERS.TITLE),
                        r.get(ENTITLEMENTS.STATUS),
                        instant(r.get(ENTITLEMENTS.GRANTED_AT)),
                        instant(r.get(ENTITLEMENTS.ENDED_AT)),
                        r.get(ENTITLEMENTS.DOWNLOAD_COUNT)));
        List<SubscriptionExport> subscriptions = db.select(SUBSCRIPTIONS.asterisk(), OFFERS.TITLE)
                .from(SUBSCRIPTIONS)
                .leftJoin(OFFERS)
                .on(OFFERS.TENANT_ID.eq(SUBSCRIPTIONS.TENANT_ID), OFFERS.ID.eq(SUBSCRIPTIONS.OFFER_ID))
                .where(SUBSCRIPTIONS.CLIENT_ID.eq(client.value()))
                .orderBy(SUBSCRIPTIONS.STARTED_AT)
                .fetch(r -> new SubscriptionExport(
                        r.get(OFFERS.TITLE),
                        r.get(SUBSCRIPTIONS.STATUS),
                        r.get(SUBSCRIPTIONS.AMOUNT_MINOR),
                        r.get(SUBSCRIPTIONS.CURRENCY),
                        r.get(SUBSCRIPTIONS.BILLING_INTERVAL),
                        instant(r.get(SUBSCRIPTIONS.STARTED_AT)),
                        instant(r.get(SUBSCRIPTIONS.CANCELED_AT)),
                        instant(r.get(SUBSCRIPTIONS.ENDED_AT))));
        return Map.of("orders", orders, "entitlements", entitlements, "subscriptions", subscriptions);
    }

    @Override
    public int erase(ClientId client) {
        return db.update(ORDERS)
                .setNull(ORDERS.BUYER_NAME)
                .set(ORDERS.BUYER_EMAIL, ERASED_EMAIL)
                .set(ORDERS.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(ORDERS.CLIENT_ID.eq(client.value()))
                .and(ORDERS.BUYER_EMAIL.ne(ERASED_EMAIL).or(ORDERS.BUYER_NAME.isNotNull()))
                .execute();
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    record OrderExport(
            String id,
            @Nullable String offer,
            String kind,
            String status,
            @Nullable String buyerName,
            String buyerEmail,
            String currency,
            long totalMinor,
            long discountMinor,
            long taxMinor,
            long refundedMinor,
            @Nullable Instant createdAt,
            @Nullable Instant paidAt) {}

    record EntitlementExport(
            String kind,
            @Nullable String offer,
            String status,
            @Nullable Instant grantedAt,
            @Nullable Instant endedAt,
            int downloads) {}

    record SubscriptionExport(
            @Nullable String offer,
            String status,
            long amountMinor,
            String currency,
            String billingInterval,
            @Nullable Instant startedAt,
            @Nullable Instant canceledAt,
            @Nullable Instant endedAt) {}
}
