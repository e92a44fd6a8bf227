package io.loadwise.billing.orders.internal;

import static io.loadwise.jooq.Tables.DISPUTES;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.SUBSCRIPTIONS;

import io.loadwise.billing.CheckoutMetadata;
import io.loadwise.jooq.tables.records.OrdersRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Compares one business's ledger with what Stripe holds on its account (the tenant is bound) and
 * repairs what differs by running the webhook handlers' own code for that object, so a lost or
 * failed webhook leaves no lasting gap.
 */
@Component
public class LedgerReconciler {

    private static final Logger log = LoggerFactory.getLogger(LedgerReconciler.class);

    /** @param kind {@code missing} (Stripe has it, we do not reflect it) or {@code mismatch} */
    public record Finding(String kind, String stripeObjectId, String detail, boolean repaired) {}

    public record Result(int checked, List<Finding> findings) {}

    private final StripeReader stripe;
    private final LedgerSync ledger;
    private final DSLContext db;
    private final TransactionTemplate readOnly;

    LedgerReconciler(StripeReader stripe, LedgerSync ledger, DSLContext db, PlatformTransactionManager transactions) {
        this.stripe = stripe;
        this.ledger = ledger;
        this.db = db;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @FunctionalInterface
    private interface Problem {
        /** What differs now, or null when the ledger agrees with Stripe. */
        String describe() throws Exception;
    }

    @FunctionalInterface
    private interface Repair {
        void run() throws Exception;
    }

    public Result reconcile(String account, Instant since) throws Exception {
        List<Finding> findings = new ArrayList<>();
        int checked = 0;
        for (StripeFacts.Session session : stripe.completedSessionsSince(account, since)) {
            if (!session.paid() || session.metadata().get(CheckoutMetadata.TENANT) == null) {
                continue; // unpaid, or not sold through Loadwise
            }
            checked++;
            check(
                    findings,
                    session.id(),
                    () -> sessionProblem(session),
                    () -> ledger.checkoutSession(account, session.id(), false));
        }
        for (StripeFacts.Subscription subscription : stripe.subscriptionsSince(account, since)) {
            if (subscription.metadata().get(CheckoutMetadata.TENANT) == null) {
                continue;
            }
            checked++;
            check(
                    findings,
                    subscription.id(),
                    () -> subscriptionProblem(subscription),
                    () -> ledger.subscription(account, subscription.id()));
        }
        for (StripeReader.ChargeSummary charge : stripe.chargesSince(account, since)) {
            checked++;
            if (charge.amountRefunded() > 0) {
                check(findings, charge.id(), () -> refundProblem(charge), () -> ledger.charge(account, charge.id()));
            }
            if (charge.disputed()) {
                for (String dispute : stripe.disputeIdsOf(account, charge.id())) {
                    check(findings, dispute, () -> disputeProblem(dispute), () -> ledger.dispute(account, dispute));
                }
            }
        }
        return new Result(checked, findings);
    }

    private void check(List<Finding> findings, String objectId, Problem problem, Repair repair) {
        String before;
        try {
            before = problem.describe();
        } catch (Exception e) {
            findings.add(new Finding("mismatch", objectId, "Could not compare: " + e.getMessage(), false));
            return;
        }
        if (before == null) {
            return;
        }
        String kind = before.startsWith("missing:") ? "missing" : "mismatch";
        String detail = before.substring(before.indexOf(':') + 1).trim();
        boolean repaired;
        try {
            repair.run();
            repaired = problem.describe() == null;
        } catch (Exception e) {
            log.warn("Reconciliation could not repair {}: {}", objectId, e.getMessage());
            detail = detail + " Repair failed: " + e.getMessage();
            repaired = false;
        }
        findings.add(new Finding(kind, objectId, detail, repaired));
    }

    private String sessionProblem(StripeFacts.Session session) {
        Optional<OrdersRecord> order = readOnly.execute(status -> db.selectFrom(ORDERS)
                .where(ORDERS.STRIPE_CHECKOUT_SESSION_ID.eq(session.id()))
                .fetchOptional());
        if (order.isEmpty()) {
            return "missing: paid checkout with no order";
        }
        OrdersRecord o = order.get();
        if (LedgerRules.UNPAID.contains(o.getStatus())) {
            return "missing: paid in Stripe, " + o.getStatus() + " here";
        }
        if (o.getAmountTotalMinor() != session.total() || !o.getCurrency().equals(session.currency())) {
            return "mismatch: Stripe " + session.total() + " " + session.currency() + ", ledger "
                    + o.getAmountTotalMinor() + " " + o.getCurrency();
        }
        return null;
    }

    private String subscriptionProblem(StripeFacts.Subscription subscription) {
        Optional<String> status = readOnly.execute(s -> db.select(SUBSCRIPTIONS.STATUS)
                .from(SUBSCRIPTIONS)
                .where(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID.eq(subscription.id()))
                .fetchOptional(SUBSCRIPTIONS.STATUS));
        if (status.isEmpty()) {
            return "missing: subscription not recorded";
        }
        if (!status.get().equals(subscription.status())) {
            return "mismatch: Stripe says " + subscription.status() + ", ledger " + status.get();
        }
        return null;
    }

    private String refundProblem(StripeReader.ChargeSummary charge) {
        Optional<Long> refunded = readOnly.execute(s -> db.select(ORDERS.REFUNDED_MINOR)
                .from(ORDERS)
                .where(ORDERS.STRIPE_CHARGE_ID.eq(charge.id()))
                .fetchOptional(ORDERS.REFUNDED_MINOR));
        if (refunded.isEmpty()) {
            return "missing: refunded charge with no order";
        }
        if (refunded.get() != charge.amountRefunded()) {
            return "mismatch: Stripe refunded " + charge.amountRefunded() + ", ledger " + refunded.get();
        }
        return null;
    }

    private String disputeProblem(String disputeId) {
        boolean known = Boolean.TRUE.equals(
                readOnly.execute(s -> db.fetchExists(DISPUTES, DISPUTES.STRIPE_DISPUTE_ID.eq(disputeId))));
        return known ? null : "missing: dispute not recorded";
    }
}
