package io.loadwise.commerce;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.SUBSCRIPTIONS;

import io.loadwise.catalog.OfferKind;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the platform's own consumers (notifications) read about orders and subscriptions: the ids
 * in the commerce events, resolved under the event's tenant. It checks no permissions: its callers
 * act for the platform with no signed-in user. Billing owns these rows; this only reads them.
 */
@Service
@Transactional(readOnly = true)
public class CommerceFacts {

    /** Orders that count as revenue: paid, including those refunded or disputed since (net of refunds). */
    static final List<String> PAID_STATUSES =
            List.of("paid", "partially_refunded", "refunded", "disputed", "dispute_lost");

    /**
     * An order as its receipt needs it.
     *
     * @param offerId null when the offer was deleted since
     * @param buyerName null when checkout did not ask for one
     */
    public record PaidOrder(
            UUID orderId,
            @Nullable UUID offerId,
            OfferKind kind,
            @Nullable ClientId clientId,
            String buyerEmail,
            @Nullable String buyerName,
            long amountSubtotalMinor,
            long discountMinor,
            long taxMinor,
            long amountTotalMinor,
            String currency,
            @Nullable Instant paidAt) {}

    private final DSLContext db;

    CommerceFacts(DSLContext db) {
        this.db = db;
    }

    public Optional<PaidOrder> order(UUID orderId) {
        TenantContext.require();
        return db.selectFrom(ORDERS)
                .where(ORDERS.ID.eq(orderId))
                .fetchOptional(r -> new PaidOrder(
                        r.getId(),
                        r.getOfferId(),
                        OfferKind.fromDb(r.getKind()),
                        r.getClientId() == null ? null : new ClientId(r.getClientId()),
                        r.getBuyerEmail(),
                        r.getBuyerName(),
                        r.getAmountSubtotalMinor(),
                        r.getDiscountMinor(),
                        r.getTaxMinor(),
                        r.getAmountTotalMinor(),
                        r.getCurrency(),
                        r.getPaidAt() == null ? null : r.getPaidAt().toInstant()));
    }

    /** The offer a subscription is for; empty when there is no such subscription or its offer was deleted. */
    public Optional<UUID> offerOfSubscription(UUID subscriptionId) {
        TenantContext.require();
        return db.select(SUBSCRIPTIONS.OFFER_ID)
                .from(SUBSCRIPTIONS)
                .where(SUBSCRIPTIONS.ID.eq(subscriptionId))
                .fetchOptional(r -> r.value1());
    }

    /**
     * Net revenue (paid totals less refunds) in {@code currency} of the orders paid in [from, to).
     *
     * @param coach when set, only orders of clients this member coaches (lead or co-coach)
     */
    public long revenue(Instant from, Instant to, String currency, @Nullable UUID coach) {
        TenantContext.require();
        Condition condition = ORDERS.STATUS
                .in(PAID_STATUSES)
                .and(ORDERS.CURRENCY.eq(currency))
                .and(ORDERS.PAID_AT.ge(from.atOffset(ZoneOffset.UTC)))
                .and(ORDERS.PAID_AT.lt(to.atOffset(ZoneOffset.UTC)));
        if (coach != null) {
            condition = condition.and(ORDERS.CLIENT_ID.in(DSL.select(CLIENTS.ID)
                    .from(CLIENTS)
                    .where(CLIENTS.COACH_ID.eq(coach))
                    .union(DSL.select(CLIENT_COACHES.CLIENT_ID)
                            .from(CLIENT_COACHES)
                            .where(CLIENT_COACHES.COACH_ID.eq(coach)))));
        }
        Long sum = db.select(DSL.sum(ORDERS.AMOUNT_TOTAL_MINOR.minus(ORDERS.REFUNDED_MINOR)))
                .from(ORDERS)
                .where(condition)
                .fetchOne(r -> r.value1() == null ? 0L : r.value1().longValue());
        return sum == null ? 0L : sum;
    }
}
