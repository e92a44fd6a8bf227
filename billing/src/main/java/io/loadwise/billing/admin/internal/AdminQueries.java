package io.loadwise.billing.admin.internal;

import static io.loadwise.jooq.Tables.DISPUTES;
import static io.loadwise.jooq.Tables.ORDERS;

import io.loadwise.billing.admin.DisputeView;
import io.loadwise.tenancy.Tenant;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads of one business's ledger (its tenant bound) for platform admins. */
@Repository
public class AdminQueries {

    private static final List<String> OPEN_DISPUTES =
            List.of("warning_needs_response", "warning_under_review", "needs_response", "under_review");

    private final DSLContext db;

    AdminQueries(DSLContext db) {
        this.db = db;
    }

    /** Per currency: orders, gross, refunded and fees of orders paid in [from, to). */
    public List<CurrencyTotals> totals(Instant from, Instant to) {
        return db.select(
                        ORDERS.CURRENCY,
                        DSL.count(),
                        DSL.sum(ORDERS.AMOUNT_TOTAL_MINOR),
                        DSL.sum(ORDERS.REFUNDED_MINOR),
                        DSL.sum(ORDERS.APPLICATION_FEE_MINOR))
                .from(ORDERS)
                .where(ORDERS.PAID_AT.ge(from.atOffset(ZoneOffset.UTC)))
                .and(ORDERS.PAID_AT.lt(to.atOffset(ZoneOffset.UTC)))
                .and(ORDERS.STATUS.notIn("pending", "failed", "expired"))
                .groupBy(ORDERS.CURRENCY)
                .orderBy(ORDERS.CURRENCY)
                .fetch(r -> new CurrencyTotals(
                        r.value1(),
                        r.value2(),
                        r.value3().longValue(),
                        r.value4().longValue(),
                        r.value5().longValue()));
    }

    public record CurrencyTotals(String currency, int orders, long gross, long refunded, long fees) {}

    /** A business's sales in [from, to) and its open disputes now. */
    public Sales sales(Instant from, Instant to) {
        return new Sales(totals(from, to), openDisputes());
    }

    public record Sales(List<CurrencyTotals> totals, int openDisputes) {}

    public int openDisputes() {
        return db.fetchCount(DISPUTES, DISPUTES.STATUS.in(OPEN_DISPUTES));
    }

    public List<DisputeView> disputes(Tenant tenant, int limit) {
        return db.selectFrom(DISPUTES)
                .orderBy(DISPUTES.CLOSED_AT.isNull().desc(), DISPUTES.OPENED_AT.desc())
                .limit(limit)
                .fetch(d -> new DisputeView(
                        tenant.id(),
                        tenant.name(),
                        d.getId(),
                        d.getOrderId(),
                        d.getStripeDisputeId(),
                        d.getAmountMinor(),
                        d.getCurrency(),
                        d.getReason(),
                        d.getStatus(),
                        d.getOpenedAt().toInstant(),
                        d.getClosedAt() == null ? null : d.getClosedAt().toInstant()));
    }
}
