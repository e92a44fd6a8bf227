package io.loadwise.billing.orders;

import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Account;
import com.stripe.model.Event;
import com.stripe.model.Product;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import io.loadwise.billing.StripeRequests;
import io.loadwise.billing.admin.BillingAdminService;
import io.loadwise.billing.admin.ReconciliationReport;
import io.loadwise.billing.checkout.CheckoutService;
import io.loadwise.billing.checkout.CheckoutStarted;
import io.loadwise.billing.sandbox.StripeSandbox;
import io.loadwise.billing.webhooks.ReceivedStripeEvent;
import io.loadwise.billing.webhooks.StripeEventHandler;
import io.loadwise.catalog.OfferKind;
import io.loadwise.identity.Role;
import io.loadwise.jooq.tables.records.OrdersRecord;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Against the shared Stripe sandbox: the checkout creates the session, the buyer pays on the
 * sandbox's page, and the order handlers get the sandbox's events (handed over here as the webhook
 * processor hands them, tenant bound) and re-fetch the sandbox's objects; a refund asked by the
 * owner comes back as {@code charge.refunded}.
 */
@IntegrationTest
class SandboxOrdersIT {

    @Autowired
    CheckoutService checkout;

    @Autowired
    BillingService billing;

    @Autowired
    StripeClient stripe;

    @Autowired
    BillingAdminService admin;

    final StripeSandbox sandbox = StripeSandbox.shared();

    @Test
    void aGuidePaidInTheSandboxIsFulfilledByTheWebhooksAndAnOwnersRefundRevokesIt() throws Exception {
        Account account = stripe.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS)
                        .setCountry("US")
                        .setEmail("owner@example.test")
                        .build());
        sandbox.completeOnboarding(account.getId());
        Tenant business = TestTenants.create("Stride Physio");
        LedgerTestData.paymentAccount(business.id(), account.getId());
        Product product = stripe.v1()
                .products()
                .create(
                        ProductCreateParams.builder().setName("Guide").build(),
                        StripeRequests.onAccount(account.getId()));
        String price = stripe.v1()
                .prices()
                .create(
                        PriceCreateParams.builder()
                                .setProduct(product.getId())
                                .setCurrency("usd")
                                .setUnitAmount(2900L)
                                .build(),
                        StripeRequests.onAccount(account.getId()))
                .getId();
        UUID guide = LedgerTestData.offer(business.id(), OfferKind.GUIDE, 2900, "USD", null, price);
        LedgerTestData.guidePdf(business.id(), guide);
        String email = "jess-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID client = LedgerTestData.client(business.id(), UUID.randomUUID(), email, "Jess Runner");
        UUID owner = UUID.randomUUID();
        LedgerTestData.member(business.id(), owner, "owner", "owner-" + owner + "@example.com");

        CheckoutStarted started = checkout.start(business.slug(), guide, null);
        sandbox.payCheckout(started.checkoutSessionId(), email, "Jess Runner");
        deliver(business, account.getId(), "checkout.session.completed", started.checkoutSessionId());

        OrdersRecord paid = await(
                () -> order(business, started.orderId()),
                o -> o != null && o.getStatus().equals("paid"));
        assertThat(paid.getClientId()).isEqualTo(client);
        assertThat(paid.getAmountTotalMinor()).isEqualTo(2900);
        assertThat(paid.getApplicationFeeMinor()).isPositive();
        assertThat(entitlementStatus(business, started.orderId())).isEqualTo("active");

        ActingAs.call(owner, business.id(), Role.COACH, () -> billing.refund(started.orderId(), null, "Changed mind"));
        deliver(business, account.getId(), "charge.refunded", paid.getStripeChargeId());

        await(() -> order(business, started.orderId()), o -> o.getStatus().equals("refunded"));
        assertThat(entitlementStatus(business, started.orderId())).isEqualTo("revoked");
    }

    @Test
    void reconciliationFindsAPaymentWhoseWebhookWasLostAndRepairsIt() throws Exception {
        Account account = stripe.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS)
                        .setCountry("US")
                        .setEmail("owner@example.test")
                        .build());
        sandbox.completeOnboarding(account.getId());
        String name = "Reconciled " + UUID.randomUUID().toString().substring(0, 8);
        Tenant business = TestTenants.create(name);
        LedgerTestData.paymentAccount(business.id(), account.getId());
        Product product = stripe.v1()
                .products()
                .create(
                        ProductCreateParams.builder().setName("Guide").build(),
                        StripeRequests.onAccount(account.getId()));
        String price = stripe.v1()
                .prices()
                .create(
                        PriceCreateParams.builder()
                                .setProduct(product.getId())
                                .setCurrency("usd")
                                .setUnitAmount(2900L)
                                .build(),
                        StripeRequests.onAccount(account.getId()))
                .getId();
        UUID guide = LedgerTestData.offer(business.id(), OfferKind.GUIDE, 2900, "USD", null, price);
        LedgerTestData.guidePdf(business.id(), guide);
        String email = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        LedgerTestData.client(business.id(), UUID.randomUUID(), email, "Ann Runner");
        CheckoutStarted started = checkout.start(business.slug(), guide, null);
        sandbox.payCheckout(started.checkoutSessionId(), email, "Ann Runner");
        deliver(business, account.getId(), "checkout.session.completed", started.checkoutSessionId());
        await(
                () -> order(business, started.orderId()),
                o -> o != null && o.getStatus().equals("paid"));
        // As if the webhook had never been processed: the order still waits.
        TestTenants.seed(business.id(), db -> db.update(ORDERS)
                .set(ORDERS.STATUS, "pending")
                .setNull(ORDERS.PAID_AT)
                .where(ORDERS.ID.eq(started.orderId()))
                .execute());

        ReconciliationReport report =
                ActingAs.call(UUID.randomUUID(), business.id(), Role.PLATFORM_ADMIN, () -> admin.reconcileNow());

        assertThat(report.findings())
                .filteredOn(f -> f.tenantName().equals(name))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("missing");
                    assertThat(f.stripeObjectId()).isEqualTo(started.checkoutSessionId());
                    assertThat(f.repaired()).isTrue();
                });
        assertThat(order(business, started.orderId()).getStatus()).isEqualTo("paid");
        assertThat(ActingAs.call(UUID.randomUUID(), business.id(), Role.PLATFORM_ADMIN, () -> admin.recentRuns(5)))
                .extracting(ReconciliationReport::id)
                .contains(report.id());
    }

    @Autowired
    List<StripeEventHandler> handlers;

    private void deliver(Tenant business, String account, String type, String objectId) {
        StripeEventHandler handler = handlers.stream()
                .filter(h -> h.eventTypes().contains(type))
                .findFirst()
                .orElseThrow();
        var event = new ReceivedStripeEvent(
                "evt_" + UUID.randomUUID(), type, account, false, objectId, Instant.now(), business.id(), new Event());
        TenantContext.runAs(business.id(), () -> {
            try {
                handler.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("Handling " + type + " " + objectId + " failed", e);
            }
        });
    }

    private static OrdersRecord order(Tenant business, UUID id) {
        AtomicReference<OrdersRecord> order = new AtomicReference<>();
        TestTenants.seed(
                business.id(),
                db -> order.set(db.selectFrom(ORDERS).where(ORDERS.ID.eq(id)).fetchOne()));
        return order.get();
    }

    private static String entitlementStatus(Tenant business, UUID orderId) {
        AtomicReference<String> status = new AtomicReference<>();
        TestTenants.seed(
                business.id(),
                db -> status.set(db.select(ENTITLEMENTS.STATUS)
                        .from(ENTITLEMENTS)
                        .where(ENTITLEMENTS.ORDER_ID.eq(orderId))
                        .fetchOne(ENTITLEMENTS.STATUS)));
        return status.get();
    }

    private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not reached within 60 s; last seen: " + value);
            }
            Thread.sleep(250);
            value = read.get();
        }
        return value;
    }
}
