package io.loadwise.billing.orders;

import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.billing.admin.BillingAdminService;
import io.loadwise.billing.admin.ReconciliationReport;
import io.loadwise.identity.Role;
import io.loadwise.jooq.tables.records.OrdersRecord;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Against the shared Stripe sandbox: the checkout creates the session, the buyer pays on the
 * sandbox's page, and the order handlers get the sandbox's events (handed over here as the webhook
 * processor hands them, tenant bound) and re-fetch the sandbox's objects; a refund asked by the
 * owner comes back as {@code charge.refunded}.
 */
@IntegrationTest
class SandboxOrdersIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    BillingService billing;

    @Autowired
    BillingAdminService admin;

    @Test
    void aGuidePaidInTheSandboxIsFulfilledByTheWebhooksAndAnOwnersRefundRevokesIt() throws Exception {
        SandboxShop shop = SandboxShop.open("Stride Physio", context);

        SandboxShop.Bought bought = shop.buy(shop.guide, "Jess Runner");

        OrdersRecord paid = shop.order(bought.orderId());
        assertThat(paid.getClientId()).isEqualTo(bought.clientId());
        assertThat(paid.getAmountTotalMinor()).isEqualTo(2900);
        assertThat(paid.getApplicationFeeMinor()).isPositive();
        assertThat(entitlementStatus(shop, bought.orderId())).isEqualTo("active");

        ActingAs.call(
                shop.owner,
                shop.business.id(),
                Role.COACH,
                () -> billing.refund(bought.orderId(), null, "Changed mind"));
        shop.deliver("charge.refunded", paid.getStripeChargeId());

        SandboxShop.await(() -> shop.order(bought.orderId()), o -> o.getStatus().equals("refunded"));
        assertThat(entitlementStatus(shop, bought.orderId())).isEqualTo("revoked");
    }

    @Test
    void reconciliationFindsAPaymentWhoseWebhookWasLostAndRepairsIt() throws Exception {
        SandboxShop shop = SandboxShop.open("Reconciled", context);
        String name = shop.business.name();
        SandboxShop.Bought bought = shop.buy(shop.guide, "Ann Runner");
        // As if the webhook had never been processed: the order still waits.
        TestTenants.seed(shop.business.id(), db -> db.update(ORDERS)
                .set(ORDERS.STATUS, "pending")
                .setNull(ORDERS.PAID_AT)
                .where(ORDERS.ID.eq(bought.orderId()))
                .execute());

        ReconciliationReport report =
                ActingAs.call(UUID.randomUUID(), shop.business.id(), Role.PLATFORM_ADMIN, () -> admin.reconcileNow());

        assertThat(report.findings())
                .filteredOn(f -> f.tenantName().equals(name))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("missing");
                    assertThat(f.stripeObjectId()).isEqualTo(bought.checkoutSessionId());
                    assertThat(f.repaired()).isTrue();
                });
        assertThat(shop.order(bought.orderId()).getStatus()).isEqualTo("paid");
        assertThat(ActingAs.call(UUID.randomUUID(), shop.business.id(), Role.PLATFORM_ADMIN, () -> admin.recentRuns(5)))
                .extracting(ReconciliationReport::id)
                .contains(report.id());
    }

    private static String entitlementStatus(SandboxShop shop, UUID orderId) {
        AtomicReference<String> status = new AtomicReference<>();
        TestTenants.seed(
                shop.business.id(),
                db -> status.set(db.select(ENTITLEMENTS.STATUS)
                        .from(ENTITLEMENTS)
                        .where(ENTITLEMENTS.ORDER_ID.eq(orderId))
                        .fetchOne(ENTITLEMENTS.STATUS)));
        return status.get();
    }
}
