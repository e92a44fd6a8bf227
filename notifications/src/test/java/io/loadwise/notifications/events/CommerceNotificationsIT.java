package io.loadwise.notifications.events;

import static io.loadwise.jooq.Tables.OFFERS;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.SUBSCRIPTIONS;
import static io.loadwise.notifications.events.Fixtures.awaitEmails;
import static io.loadwise.notifications.events.Fixtures.client;
import static io.loadwise.notifications.events.Fixtures.email;
import static io.loadwise.notifications.events.Fixtures.member;
import static io.loadwise.notifications.events.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.catalog.OfferKind;
import io.loadwise.commerce.DisputeOpened;
import io.loadwise.commerce.OrderPaid;
import io.loadwise.commerce.RefundIssued;
import io.loadwise.commerce.SubscriptionCanceled;
import io.loadwise.commerce.SubscriptionPastDue;
import io.loadwise.commerce.SubscriptionStarted;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.events.Fixtures.Row;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Through real PostgreSQL and Kafka: billing's events become the buyer's transactional mail (with
 * the offer's title and the order's amounts read as the event's tenant) and a dispute alerts the
 * owner and the buyer's coach.
 */
@IntegrationTest
@Import(StandInNotifier.class)
@DirtiesContext
class CommerceNotificationsIT {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    Tenant tenant;
    String ownerEmail;
    String coachEmail;
    String clientEmail;
    UUID clientMember;
    ClientId client;

    @BeforeEach
    void aBusinessWithACoachAndAClient() {
        tenant = TestTenants.create("Stride Coaching");
        ownerEmail = email("ruth");
        coachEmail = email("sam");
        clientEmail = email("jess");
        member(tenant.id(), "owner", ownerEmail, "Ruth Owner");
        UUID coach = member(tenant.id(), "coach", coachEmail, "Sam Coach");
        clientMember = member(tenant.id(), "client", clientEmail, "Jess Moreno");
        client = client(tenant.id(), clientMember, coach, "Jess Moreno", clientEmail);
    }

    @Autowired
    io.loadwise.notifications.NotificationRenderer renderer;

    @org.junit.jupiter.api.AfterEach
    void everyStoredEmailRendersWithTheTemplates() {
        Fixtures.renderEveryEmail(renderer, tenant.id());
    }

    @Test
    void a_paid_guide_gets_a_receipt_with_its_title_kind_and_amounts() {
        UUID offer = offer("guide", "Hamstring rehab guide", null);
        UUID order = order(offer, "guide", 2500, 500);
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var paid = new OrderPaid(
                UUID.randomUUID(), tenant.id(), order, client, offer, OfferKind.GUIDE, 2000, "USD", false, paidAt);

        tx.executeWithoutResult(s -> events.publishEvent(paid));

        Row receipt = awaitEmails(tenant.id(), "RECEIPT").getFirst();
        assertThat(receipt.email()).isEqualTo(clientEmail);
        assertThat(receipt.model())
                .containsKeys(NotificationType.RECEIPT.required().toArray(String[]::new))
                .containsEntry("orderId", order.toString())
                .containsEntry("offerTitle", "Hamstring rehab guide")
                .containsEntry("offerKind", "guide")
                .containsEntry("amountTotalMinor", 2000)
                .containsEntry("discountMinor", 500)
                .containsEntry("currency", "USD");
        assertThat(receipt.link()).isEqualTo("/t/" + tenant.slug() + "/me/purchases");
        assertThat(rows(tenant.id()))
                .as("the buyer has an account: an inbox entry too")
                .anySatisfy(r -> {
                    assertThat(r.type()).isEqualTo("RECEIPT");
                    assertThat(r.channel()).isEqualTo("in_app");
                    assertThat(r.memberId()).isEqualTo(clientMember);
                });
    }

    @Test
    void a_coaching_subscription_tells_the_client_it_started_failed_to_renew_and_ended() {
        UUID offer = offer("coaching", "Return to run coaching", "month");
        UUID subscription = subscription(offer);

        tx.executeWithoutResult(s -> {
            events.publishEvent(new SubscriptionStarted(
                    UUID.randomUUID(), tenant.id(), subscription, "sub_1", client, Instant.now()));
            events.publishEvent(new SubscriptionPastDue(
                    UUID.randomUUID(), tenant.id(), subscription, "sub_1", client, Instant.now()));
            events.publishEvent(new SubscriptionCanceled(
                    UUID.randomUUID(), tenant.id(), subscription, "sub_1", client, Instant.now()));
        });

        for (String type : new String[] {"COACHING_STARTED", "RENEWAL_FAILED", "COACHING_CANCELED"}) {
            Row row = awaitEmails(tenant.id(), type).getFirst();
            assertThat(row.email()).as(type).isEqualTo(clientEmail);
            assertThat(row.model()).as(type).containsEntry("offerTitle", "Return to run coaching");
        }
    }

    @Test
    void a_refund_tells_the_buyer_and_a_dispute_alerts_the_owner_and_the_coach() {
        UUID offer = offer("guide", "Achilles loading guide", null);
        UUID order = order(offer, "guide", 3000, 0);

        tx.executeWithoutResult(s -> {
            events.publishEvent(
                    new RefundIssued(UUID.randomUUID(), tenant.id(), order, client, 1000, "USD", false, Instant.now()));
            events.publishEvent(new DisputeOpened(
                    UUID.randomUUID(),
                    tenant.id(),
                    UUID.randomUUID(),
                    order,
                    3000,
                    "USD",
                    "fraudulent",
                    Instant.now()));
        });

        Row refund = awaitEmails(tenant.id(), "REFUND_ISSUED").getFirst();
        assertThat(refund.email()).isEqualTo(clientEmail);
        assertThat(refund.model())
                .containsEntry("offerTitle", "Achilles loading guide")
                .containsEntry("amountMinor", 1000)
                .containsEntry("currency", "USD");
        var disputes = awaitEmails(tenant.id(), "DISPUTE_OPENED", rows -> rows.size() == 2);
        assertThat(disputes).extracting(Row::email).containsExactlyInAnyOrder(ownerEmail, coachEmail);
        assertThat(disputes.getFirst().model())
                .containsEntry("clientName", "Jess Moreno")
                .containsEntry("offerTitle", "Achilles loading guide")
                .containsEntry("amountMinor", 3000)
                .containsEntry("currency", "USD");
        assertThat(rows(tenant.id()))
                .as("the client hears nothing of the dispute")
                .noneMatch(r -> r.type().equals("DISPUTE_OPENED") && r.email().equals(clientEmail));
    }

    private UUID offer(String kind, String title, String interval) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> db.insertInto(OFFERS)
                .set(OFFERS.TENANT_ID, tenant.id().value())
                .set(OFFERS.ID, id)
                .set(OFFERS.KIND, kind)
                .set(OFFERS.TITLE, title)
                .set(OFFERS.SUMMARY, "")
                .set(OFFERS.PRICE_MINOR, 2500L)
                .set(OFFERS.CURRENCY, "USD")
                .set(OFFERS.BILLING_INTERVAL, interval)
                .set(OFFERS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return id;
    }

    private UUID order(UUID offer, String kind, long subtotal, long discount) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> db.insertInto(ORDERS)
                .set(ORDERS.TENANT_ID, tenant.id().value())
                .set(ORDERS.ID, id)
                .set(ORDERS.OFFER_ID, offer)
                .set(ORDERS.KIND, kind)
                .set(ORDERS.CLIENT_ID, client.value())
                .set(ORDERS.BUYER_EMAIL, clientEmail)
                .set(ORDERS.BUYER_NAME, "Jess Moreno")
                .set(ORDERS.STATUS, "paid")
                .set(ORDERS.CURRENCY, "USD")
                .set(ORDERS.AMOUNT_SUBTOTAL_MINOR, subtotal)
                .set(ORDERS.DISCOUNT_MINOR, discount)
                .set(ORDERS.AMOUNT_TOTAL_MINOR, subtotal - discount)
                .set(ORDERS.CREATED_AT, OffsetDateTime.now())
                .set(ORDERS.PAID_AT, OffsetDateTime.now())
                .set(ORDERS.UPDATED_AT, OffsetDateTime.now())
                .execute());
        return id;
    }

    private UUID subscription(UUID offer) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> db.insertInto(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.TENANT_ID, tenant.id().value())
                .set(SUBSCRIPTIONS.ID, id)
                .set(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID, "sub_" + id)
                .set(SUBSCRIPTIONS.STRIPE_CUSTOMER_ID, "cus_1")
                .set(SUBSCRIPTIONS.CLIENT_ID, client.value())
                .set(SUBSCRIPTIONS.OFFER_ID, offer)
                .set(SUBSCRIPTIONS.STATUS, "active")
                .set(SUBSCRIPTIONS.AMOUNT_MINOR, 9900L)
                .set(SUBSCRIPTIONS.CURRENCY, "USD")
                .set(SUBSCRIPTIONS.BILLING_INTERVAL, "month")
                .set(SUBSCRIPTIONS.STARTED_AT, OffsetDateTime.now())
                .set(SUBSCRIPTIONS.UPDATED_AT, OffsetDateTime.now())
                .execute());
        return id;
    }
}
