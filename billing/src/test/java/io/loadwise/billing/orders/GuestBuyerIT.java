package io.loadwise.billing.orders;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.TENANTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.billing.orders.FakeStripe.Checkout;
import io.loadwise.catalog.OfferKind;
import io.loadwise.commerce.OrderPaid;
import io.loadwise.jooq.tables.records.OrdersRecord;
import io.loadwise.roster.ClientInvited;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.testsupport.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A storefront buyer without an account: she joins the roster and gets the account invite. */
@IntegrationTest(keycloak = true)
class GuestBuyerIT extends LedgerITSupport {

    private static final String ACCOUNT = "acct_guests";

    @Test
    void aGuestBuyerBecomesAClientAndIsInvitedOnceAndHerOrderSaysGuest() {
        // The business's Keycloak organization, which the invite adds her to; the tenant has its id.
        String alias = "guests-" + UUID.randomUUID().toString().substring(0, 8);
        TenantId tenant;
        try (KeycloakTestData keycloak = KeycloakTestData.of(TestInfrastructure.keycloak())) {
            tenant = new TenantId(UUID.fromString(keycloak.createOrganization(alias, "Stride Physio " + alias)));
        }
        TestTenants.seed(tenant, db -> db.insertInto(TENANTS)
                .set(TENANTS.ID, tenant.value())
                .set(TENANTS.SLUG, alias)
                .set(TENANTS.NAME, "Stride Physio")
                .set(TENANTS.CREATED_AT, OffsetDateTime.now())
                .execute());
        UUID guide = LedgerTestData.offer(tenant, OfferKind.GUIDE, 2900, "USD", null);
        String email = "guest-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID pending = LedgerTestData.pendingOrder(tenant, guide, OfferKind.GUIDE, "USD");
        Checkout checkout = stripe.paidCheckout(tenant, guide, pending, null, email, "Gina Guest", 2900, "usd", 145);
        LedgerTestData.linkSession(tenant, pending, checkout.sessionId());

        deliver(tenant, ACCOUNT, "checkout.session.completed", checkout.sessionId());
        deliver(tenant, ACCOUNT, "checkout.session.completed", checkout.sessionId());

        OrdersRecord order = read(
                tenant, db -> db.selectFrom(ORDERS).where(ORDERS.ID.eq(pending)).fetchSingle());
        assertThat(order.getStatus()).isEqualTo("paid");
        UUID client = read(tenant, db -> db.select(CLIENTS.ID)
                .from(CLIENTS)
                .where(CLIENTS.EMAIL.eq(email))
                .fetchSingle(CLIENTS.ID));
        assertThat(order.getClientId()).isEqualTo(client);
        String name = read(tenant, db -> db.select(CLIENTS.DISPLAY_NAME)
                .from(CLIENTS)
                .where(CLIENTS.ID.eq(client))
                .fetchSingle(CLIENTS.DISPLAY_NAME));
        assertThat(name).isEqualTo("Gina Guest");
        assertThat(count(tenant, db -> db.fetchCount(ENTITLEMENTS, ENTITLEMENTS.CLIENT_ID.eq(client))))
                .isOne();
        var paid = TopicRecords.await(OrderPaid.TOPIC, Duration.ofSeconds(30), mentions(pending));
        assertThat(new String(paid.value(), StandardCharsets.UTF_8))
                .contains("\"guest\":true")
                .doesNotContain(email);
        assertThat(countOnTopic(ClientInvited.TOPIC, Duration.ofSeconds(5), mentions(email)))
                .as("one invite, however often Stripe delivers")
                .isOne();

        // Her next purchase finds her on the roster: no second invite, not a guest any more.
        UUID second = LedgerTestData.pendingOrder(tenant, guide, OfferKind.GUIDE, "USD");
        Checkout again =
                stripe.paidCheckout(tenant, guide, second, null, email.toUpperCase(), "Gina", 2900, "usd", 145);
        LedgerTestData.linkSession(tenant, second, again.sessionId());
        deliver(tenant, ACCOUNT, "checkout.session.completed", again.sessionId());
        UUID secondBuyer = read(tenant, db -> db.select(ORDERS.CLIENT_ID)
                .from(ORDERS)
                .where(ORDERS.ID.eq(second))
                .fetchSingle(ORDERS.CLIENT_ID));
        assertThat(secondBuyer).isEqualTo(client);
        var secondPaid = TopicRecords.await(OrderPaid.TOPIC, Duration.ofSeconds(30), mentions(second));
        assertThat(new String(secondPaid.value(), StandardCharsets.UTF_8)).contains("\"guest\":false");
    }
}
