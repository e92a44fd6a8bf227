package io.loadwise.billing.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loadwise.jooq.Tables.DISPUTES;
import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.REFUNDS;
import static io.loadwise.jooq.Tables.SUBSCRIPTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.billing.orders.FakeStripe.Checkout;
import io.loadwise.catalog.OfferKind;
import io.loadwise.commerce.DisputeOpened;
import io.loadwise.commerce.OrderPaid;
import io.loadwise.commerce.RefundIssued;
import io.loadwise.commerce.SubscriptionCanceled;
import io.loadwise.commerce.SubscriptionPastDue;
import io.loadwise.commerce.SubscriptionStarted;
import io.loadwise.identity.Role;
import io.loadwise.jooq.tables.records.EntitlementsRecord;
import io.loadwise.jooq.tables.records.OrdersRecord;
import io.loadwise.jooq.tables.records.RefundsRecord;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.testsupport.TopicRecords;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The order ledger as Stripe's webhooks drive it, with Stripe answering over HTTP. */
class OrderLedgerIT extends LedgerITSupport {

    private static final String ACCOUNT = "acct_ledger";

    @Autowired
    private BillingService billing;

    private TenantId tenant;
    private UUID guide;
    private UUID client;

    @BeforeEach
    void business() {
        tenant = TestTenants.create("Stride Physio").id();
        guide = LedgerTestData.offer(tenant, OfferKind.GUIDE, 2900, "USD", null);
        client = LedgerTestData.client(tenant, UUID.randomUUID(), "jess@example.com", "Jess Runner");
    }

    @Test
    void aPaidGuideIsOneOrderOneEntitlementAndOneOrderPaidEvenWhenDeliveredThreeTimes() {
        UUID pending = LedgerTestData.pendingOrder(tenant, guide, OfferKind.GUIDE, "USD");
        Checkout checkout = stripe.paidCheckout(
                tenant, guide, pending, client, "Jess@Example.com", "Jess Runner", 2900, "usd", 145);
        LedgerTestData.linkSession(tenant, pending, checkout.sessionId());

        for (int i = 0; i < 3; i++) {
            deliver(tenant, ACCOUNT, "checkout.session.completed", checkout.sessionId());
        }

        OrdersRecord order = order(pending);
        assertThat(order.getStatus()).isEqualTo("paid");
        assertThat(order.getClientId()).isEqualTo(client);
        assertThat(order.getBuyerEmail()).isEqualTo("jess@example.com");
        assertThat(order.getAmountSubtotalMinor()).isEqualTo(2900);
        assertThat(order.getAmountTotalMinor()).isEqualTo(2900);
        assertThat(order.getApplicationFeeMinor()).isEqualTo(145);
        assertThat(order.getCurrency()).isEqualTo("USD");
        assertThat(order.getStripePaymentIntentId()).isEqualTo(checkout.paymentIntentId());
        assertThat(order.getStripeChargeId()).isEqualTo(checkout.chargeId());
        assertThat(order.getPaidAt()).isNotNull();
        assertThat(count(tenant, db -> db.fetchCount(ORDERS))).isOne();
        List<EntitlementsRecord> entitlements = entitlements(pending);
        assertThat(entitlements).singleElement().satisfies(e -> {
            assertThat(e.getKind()).isEqualTo("guide_download");
            assertThat(e.getStatus()).isEqualTo("active");
            assertThat(e.getClientId()).isEqualTo(client);
        });
        assertThat(countOnTopic(OrderPaid.TOPIC, Duration.ofSeconds(6), mentions(pending)))
                .as("OrderPaid records for the order")
                .isOne();
    }

    @Test
    void aPaymentThatDoesNotMatchTheCatalogIsHeldForReviewWithoutEntitlement() {
        UUID pending = LedgerTestData.pendingOrder(tenant, guide, OfferKind.GUIDE, "USD");
        Checkout checkout =
                stripe.paidCheckout(tenant, guide, pending, client, "jess@example.com", "Jess", 1900, "usd", 95);
        LedgerTestData.linkSession(tenant, pending, checkout.sessionId());

        deliver(tenant, ACCOUNT, "checkout.session.completed", checkout.sessionId());

        OrdersRecord order = order(pending);
        assertThat(order.getStatus()).isEqualTo("review");
        assertThat(order.getReviewReason()).contains("1900").contains("2900");
        assertThat(entitlements(pending)).isEmpty();
    }

    @Test
    void aMissingPendingRowIsCreatedFromTheSessionAndAWrongCurrencyIsHeldForReview() {
        Checkout checkout =
                stripe.paidCheckout(tenant, guide, null, client, "jess@example.com", "Jess", 2900, "eur", 95);

        deliver(tenant, ACCOUNT, "checkout.session.completed", checkout.sessionId());

        OrdersRecord order = read(tenant, db -> db.selectFrom(ORDERS)
                .where(ORDERS.STRIPE_CHECKOUT_SESSION_ID.eq(checkout.sessionId()))
                .fetchSingle());
        assertThat(order.getStatus()).isEqualTo("review");
        assertThat(order.getReviewReason()).contains("EUR");
        assertThat(entitlements(order.getId())).isEmpty();
    }

    @Test
    void aBankDebitStaysPendingWhileProcessingAndFailsWhenStripeSaysSo() {
        UUID pending = LedgerTestData.pendingOrder(tenant, guide, OfferKind.GUIDE, "USD");
        Checkout checkout = stripe.processingCheckout(tenant, guide, pending, "jess@example.com", 2900, "usd");
        LedgerTestData.linkSession(tenant, pending, checkout.sessionId());

        deliver(tenant, ACCOUNT, "checkout.session.completed", checkout.sessionId());
        assertThat(order(pending).getStatus()).isEqualTo("pending");

        stripe.failPayment(checkout);
        deliver(tenant, ACCOUNT, "checkout.session.async_payment_failed", checkout.sessionId());
        assertThat(order(pending).getStatus()).isEqualTo("failed");
        assertThat(entitlements(pending)).isEmpty();
    }

    @Test
    void anAbandonedCheckoutExpires() {
        UUID pending = LedgerTestData.pendingOrder(tenant, guide, OfferKind.GUIDE, "USD");
        Checkout checkout = stripe.processingCheckout(tenant, guide, pending, "jess@example.com", 2900, "usd");
        LedgerTestData.linkSession(tenant, pending, checkout.sessionId());
        stripe.expire(checkout, tenant, guide, pending);

        deliver(tenant, ACCOUNT, "checkout.session.expired", checkout.sessionId());

        assertThat(order(pending).getStatus()).isEqualTo("expired");
    }

    @Test
    void aFullRefundRevokesTheGuideAndAPartialOneDoesNot() {
        UUID partial = paidGuide(2900);
        OrdersRecord partialOrder = order(partial);
        stripe.refund(partialOrder.getStripeChargeId(), 900, null);
        deliver(tenant, ACCOUNT, "charge.refunded", partialOrder.getStripeChargeId());

        assertThat(order(partial).getStatus()).isEqualTo("partially_refunded");
        assertThat(order(partial).getRefundedMinor()).isEqualTo(900);
        assertThat(entitlements(partial))
                .singleElement()
                .extracting(EntitlementsRecord::getStatus)
                .isEqualTo("active");

        stripe.refund(partialOrder.getStripeChargeId(), 2000, null);
        deliver(tenant, ACCOUNT, "charge.refunded", partialOrder.getStripeChargeId());
        deliver(tenant, ACCOUNT, "charge.refunded", partialOrder.getStripeChargeId());

        assertThat(order(partial).getStatus()).isEqualTo("refunded");
        assertThat(order(partial).getRefundedMinor()).isEqualTo(2900);
        assertThat(entitlements(partial))
                .singleElement()
                .extracting(EntitlementsRecord::getStatus)
                .isEqualTo("revoked");
        List<RefundsRecord> refunds = read(
                tenant,
                db -> db.selectFrom(REFUNDS).where(REFUNDS.ORDER_ID.eq(partial)).fetch());
        assertThat(refunds).hasSize(2).allSatisfy(r -> assertThat(r.getStatus()).isEqualTo("succeeded"));
        var fullRefund = TopicRecords.await(
                RefundIssued.TOPIC,
                Duration.ofSeconds(20),
                record -> mentions(partial).test(record) && new String(record.value()).contains("\"full\":true"));
        assertThat(fullRefund).isNotNull();
    }

    @Test
    void aLostDisputeRevokesAndAWonOneRestores() {
        UUID lost = paidGuide(2900);
        String charge = order(lost).getStripeChargeId();
        String disputeId = stripe.id("dp");
        stripe.dispute(disputeId, charge, 2900, "usd", "needs_response");
        deliver(tenant, ACCOUNT, "charge.dispute.created", disputeId);
        deliver(tenant, ACCOUNT, "charge.dispute.created", disputeId);

        assertThat(order(lost).getStatus()).isEqualTo("disputed");
        assertThat(entitlements(lost))
                .singleElement()
                .extracting(EntitlementsRecord::getStatus)
                .isEqualTo("active");
        assertThat(count(tenant, db -> db.fetchCount(DISPUTES, DISPUTES.STRIPE_DISPUTE_ID.eq(disputeId))))
                .isOne();
        TopicRecords.await(DisputeOpened.TOPIC, Duration.ofSeconds(20), mentions(lost));

        stripe.dispute(disputeId, charge, 2900, "usd", "lost");
        deliver(tenant, ACCOUNT, "charge.dispute.closed", disputeId);

        assertThat(order(lost).getStatus()).isEqualTo("dispute_lost");
        assertThat(entitlements(lost))
                .singleElement()
                .extracting(EntitlementsRecord::getStatus)
                .isEqualTo("revoked");

        UUID won = paidGuide(2900);
        String wonCharge = order(won).getStripeChargeId();
        String wonDispute = stripe.id("dp");
        stripe.dispute(wonDispute, wonCharge, 2900, "usd", "under_review");
        deliver(tenant, ACCOUNT, "charge.dispute.updated", wonDispute);
        stripe.dispute(wonDispute, wonCharge, 2900, "usd", "won");
        deliver(tenant, ACCOUNT, "charge.dispute.closed", wonDispute);

        assertThat(order(won).getStatus()).isEqualTo("paid");
        assertThat(entitlements(won))
                .singleElement()
                .extracting(EntitlementsRecord::getStatus)
                .isEqualTo("active");
    }

    @Test
    void aCoachingSubscriptionGrantsAccessUntilStripeEndsIt() {
        UUID coaching = LedgerTestData.offer(tenant, OfferKind.COACHING, 9900, "USD", null);
        UUID pending = LedgerTestData.pendingOrder(tenant, coaching, OfferKind.COACHING, "USD");
        Checkout checkout = stripe.subscriptionCheckout(
                tenant, coaching, pending, client, "jess@example.com", 9900, "usd", 495, "trialing");
        LedgerTestData.linkSession(tenant, pending, checkout.sessionId());
        String sub = checkout.subscriptionId();

        // Stripe sends the subscription's events around the checkout's, in any order.
        deliver(tenant, ACCOUNT, "customer.subscription.created", sub);
        deliver(tenant, ACCOUNT, "invoice.paid", checkout.invoiceId());
        deliver(tenant, ACCOUNT, "checkout.session.completed", checkout.sessionId());

        OrdersRecord order = order(pending);
        assertThat(order.getStatus()).isEqualTo("paid");
        assertThat(order.getStripeSubscriptionId()).isEqualTo(sub);
        assertThat(order.getStripeInvoiceId()).isEqualTo(checkout.invoiceId());
        assertThat(order.getApplicationFeeMinor()).isEqualTo(495);
        assertThat(count(tenant, db -> db.fetchCount(ORDERS)))
                .as("the first invoice is the checkout's order")
                .isOne();
        assertThat(subscriptionStatus(sub)).isEqualTo("trialing");
        assertThat(coachingEntitlement(sub).getStatus()).isEqualTo("active");
        UUID subscriptionId = subscriptionRow(sub);
        TopicRecords.await(SubscriptionStarted.TOPIC, Duration.ofSeconds(20), mentions(subscriptionId));

        stripe.subscription(sub, "cus_x", tenant, coaching, pending, client, 9900, "usd", "active");
        deliver(tenant, ACCOUNT, "customer.subscription.updated", sub);
        String renewal = stripe.renewal(sub, "jess@example.com", 9900, "usd", 495);
        deliver(tenant, ACCOUNT, "invoice.paid", renewal);
        deliver(tenant, ACCOUNT, "invoice.paid", renewal);
        assertThat(subscriptionStatus(sub)).isEqualTo("active");
        assertThat(count(tenant, db -> db.fetchCount(ORDERS, ORDERS.STRIPE_INVOICE_ID.eq(renewal))))
                .isOne();
        assertThat(count(tenant, db -> db.fetchCount(ORDERS))).isEqualTo(2);

        stripe.subscription(sub, "cus_x", tenant, coaching, pending, client, 9900, "usd", "past_due");
        deliver(tenant, ACCOUNT, "invoice.payment_failed", renewal);
        deliver(tenant, ACCOUNT, "customer.subscription.updated", sub);
        assertThat(subscriptionStatus(sub)).isEqualTo("past_due");
        assertThat(coachingEntitlement(sub).getStatus())
                .as("Stripe still retries")
                .isEqualTo("active");
        TopicRecords.await(SubscriptionPastDue.TOPIC, Duration.ofSeconds(20), mentions(subscriptionId));

        stripe.subscription(sub, "cus_x", tenant, coaching, pending, client, 9900, "usd", "canceled");
        deliver(tenant, ACCOUNT, "customer.subscription.deleted", sub);
        deliver(tenant, ACCOUNT, "customer.subscription.deleted", sub);
        assertThat(subscriptionStatus(sub)).isEqualTo("canceled");
        assertThat(coachingEntitlement(sub).getStatus()).isEqualTo("ended");
        assertThat(count(tenant, db -> db.fetchCount(ENTITLEMENTS))).isOne();
        TopicRecords.await(SubscriptionCanceled.TOPIC, Duration.ofSeconds(20), mentions(subscriptionId));
        assertThat(countOnTopic(SubscriptionStarted.TOPIC, Duration.ofSeconds(3), mentions(subscriptionId)))
                .isOne();
    }

    @Test
    void aRefundAsksStripeOnceUnderOurKeyAndTheLedgerChangesWhenStripeConfirms() {
        LedgerTestData.paymentAccount(tenant, stripe.id("acct"));
        UUID owner = UUID.randomUUID();
        LedgerTestData.member(tenant, owner, "owner", "owner-" + owner + "@example.com");
        UUID coach = UUID.randomUUID();
        LedgerTestData.member(tenant, coach, "coach", "coach-" + coach + "@example.com");
        UUID paid = paidGuide(2900);
        String charge = order(paid).getStripeChargeId();
        String stripeRefund = stripe.id("re");
        stripe.answerRefunds(stripeRefund, charge, 1000, "usd", true);

        assertThatThrownBy(() -> ActingAs.call(coach, tenant, Role.COACH, () -> billing.refund(paid, 1000L, null)))
                .isInstanceOf(AccessDeniedException.class);
        RefundView refund =
                ActingAs.call(owner, tenant, Role.COACH, () -> billing.refund(paid, 1000L, "Bought it twice"));

        assertThat(refund.status()).isEqualTo("pending");
        assertThat(refund.amountMinor()).isEqualTo(1000);
        var requests = stripe.server()
                .findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")).withRequestBody(containing(paid.toString())));
        assertThat(requests)
                .as("stripe-java retried the failed attempt under the same key")
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo("refund:" + refund.id()));
        assertThat(order(paid).getRefundedMinor())
                .as("the ledger waits for Stripe")
                .isZero();
        assertThat(order(paid).getStatus()).isEqualTo("paid");

        stripe.refund(charge, 1000, refund.id(), stripeRefund);
        deliver(tenant, ACCOUNT, "charge.refunded", charge);

        assertThat(order(paid).getStatus()).isEqualTo("partially_refunded");
        assertThat(order(paid).getRefundedMinor()).isEqualTo(1000);
        List<RefundsRecord> refunds = read(
                tenant,
                db -> db.selectFrom(REFUNDS).where(REFUNDS.ORDER_ID.eq(paid)).fetch());
        assertThat(refunds).singleElement().satisfies(r -> {
            assertThat(r.getId()).isEqualTo(refund.id());
            assertThat(r.getStripeRefundId()).isEqualTo(stripeRefund);
            assertThat(r.getStatus()).isEqualTo("succeeded");
            assertThat(r.getRequestedBy()).isEqualTo(owner);
        });
        assertThatThrownBy(() -> ActingAs.call(owner, tenant, Role.COACH, () -> billing.refund(paid, 2000L, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1900");
        assertThatThrownBy(() -> ActingAs.call(owner, tenant, Role.COACH, () -> billing.refund(paid, 0L, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ActingAs.call(owner, tenant, Role.COACH, () -> billing.order(paid))
                        .refundableMinor())
                .isEqualTo(1900);
    }

    private UUID paidGuide(long amount) {
        UUID pending = LedgerTestData.pendingOrder(tenant, guide, OfferKind.GUIDE, "USD");
        Checkout checkout =
                stripe.paidCheckout(tenant, guide, pending, client, "jess@example.com", "Jess", amount, "usd", 145);
        LedgerTestData.linkSession(tenant, pending, checkout.sessionId());
        deliver(tenant, ACCOUNT, "checkout.session.completed", checkout.sessionId());
        assertThat(order(pending).getStatus()).isEqualTo("paid");
        return pending;
    }

    private OrdersRecord order(UUID id) {
        return read(tenant, db -> db.selectFrom(ORDERS).where(ORDERS.ID.eq(id)).fetchSingle());
    }

    private List<EntitlementsRecord> entitlements(UUID orderId) {
        return read(tenant, db -> db.selectFrom(ENTITLEMENTS)
                .where(ENTITLEMENTS.ORDER_ID.eq(orderId))
                .fetch());
    }

    private String subscriptionStatus(String stripeId) {
        return read(tenant, db -> db.select(SUBSCRIPTIONS.STATUS)
                .from(SUBSCRIPTIONS)
                .where(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID.eq(stripeId))
                .fetchSingle(SUBSCRIPTIONS.STATUS));
    }

    private UUID subscriptionRow(String stripeId) {
        return read(tenant, db -> db.select(SUBSCRIPTIONS.ID)
                .from(SUBSCRIPTIONS)
                .where(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID.eq(stripeId))
                .fetchSingle(SUBSCRIPTIONS.ID));
    }

    private EntitlementsRecord coachingEntitlement(String stripeId) {
        return read(tenant, db -> db.selectFrom(ENTITLEMENTS)
                .where(ENTITLEMENTS.SUBSCRIPTION_ID.eq(db.select(SUBSCRIPTIONS.ID)
                        .from(SUBSCRIPTIONS)
                        .where(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID.eq(stripeId))))
                .fetchSingle());
    }
}
