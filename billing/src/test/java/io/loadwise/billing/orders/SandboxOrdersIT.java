package io.loadwise.billing.orders;

import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Account;
import com.stripe.model.Product;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import io.loadwise.billing.StripeRequests;
import io.loadwise.billing.checkout.CheckoutService;
import io.loadwise.billing.checkout.CheckoutStarted;
import io.loadwise.billing.sandbox.StripeSandbox;
import io.loadwise.catalog.OfferKind;
import io.loadwise.identity.Role;
import io.loadwise.jooq.tables.records.OrdersRecord;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * End to end against the shared Stripe sandbox: the buyer pays on the sandbox's page, Stripe's
 * signed webhooks reach the real endpoints, the inbox hands them to the order handlers; a refund
 * asked by the owner comes back as {@code charge.refunded}.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SandboxOrdersIT {

    @Autowired
    CheckoutService checkout;

    @Autowired
    BillingService billing;

    @Autowired
    StripeClient stripe;

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

        OrdersRecord paid = await(
                () -> order(business, started.orderId()),
                o -> o != null && o.getStatus().equals("paid"));
        assertThat(paid.getClientId()).isEqualTo(client);
        assertThat(paid.getAmountTotalMinor()).isEqualTo(2900);
        assertThat(paid.getApplicationFeeMinor()).isPositive();
        assertThat(entitlementStatus(business, started.orderId())).isEqualTo("active");

        ActingAs.call(owner, business.id(), Role.COACH, () -> billing.refund(started.orderId(), null, "Changed mind"));

        await(() -> order(business, started.orderId()), o -> o.getStatus().equals("refunded"));
        assertThat(entitlementStatus(business, started.orderId())).isEqualTo("revoked");
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
