package io.loadwise.billing.orders;

import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.BillingTestApplication;
import io.loadwise.billing.orders.FakeStripe.Checkout;
import io.loadwise.billing.webhooks.ReceivedStripeEvent;
import io.loadwise.billing.webhooks.StripeEventHandler;
import io.loadwise.catalog.OfferKind;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stripe delivers webhooks at least once and in any order. Whatever the interleaving of duplicated
 * and reordered events over a set of orders, each paid order ends with exactly one (active)
 * entitlement and each fully refunded one with none active — the real handlers, the real ledger in
 * PostgreSQL, Stripe over HTTP holding the final state. One application context for all tries.
 */
class LedgerConvergenceIT {

    private static final String ACCOUNT = "acct_convergence";

    private static ConfigurableApplicationContext context;
    private static Collection<StripeEventHandler> handlers;
    private static TenantId tenant;
    private static UUID guide;
    private static UUID client;

    private final FakeStripe stripe = FakeStripe.shared();

    @BeforeContainer
    static void start() {
        TestInfrastructure.startAll(false);
        Map<String, Object> properties = new LinkedHashMap<>(TestInfrastructure.applicationProperties());
        properties.put("loadwise.stripe.api-base", FakeStripe.shared().url());
        properties.put("server.port", 0);
        context = new SpringApplicationBuilder(BillingTestApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties)
                .run();
        handlers = context.getBeansOfType(StripeEventHandler.class).values();
        tenant = TestTenants.create("Convergence").id();
        guide = LedgerTestData.offer(tenant, OfferKind.GUIDE, 2900, "USD", null);
        client = LedgerTestData.client(tenant, UUID.randomUUID(), "buyer@example.com", "Buyer");
    }

    @AfterContainer
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    enum Outcome {
        PAID,
        REFUNDED
    }

    /** One webhook delivery: the event type and which order's object it names. */
    record Delivery(int order, String type) {}

    record History(List<Outcome> outcomes, List<Delivery> deliveries) {}

    @Provide
    Arbitrary<History> histories() {
        return Arbitraries.of(Outcome.class).list().ofMinSize(1).ofMaxSize(3).flatMap(outcomes -> Arbitraries.integers()
                .between(1, 3)
                .list()
                .ofSize(outcomes.size() * 2)
                .flatMap(copies -> {
                    List<Delivery> deliveries = new ArrayList<>();
                    for (int i = 0; i < outcomes.size(); i++) {
                        for (int c = 0; c < copies.get(2 * i); c++) {
                            deliveries.add(new Delivery(i, "checkout.session.completed"));
                        }
                        if (outcomes.get(i) == Outcome.REFUNDED) {
                            for (int c = 0; c < copies.get(2 * i + 1); c++) {
                                deliveries.add(new Delivery(i, "charge.refunded"));
                            }
                        }
                    }
                    return Arbitraries.shuffle(deliveries).map(shuffled -> new History(outcomes, shuffled));
                }));
    }

    @Property(tries = 50)
    void eachPaidOrderYieldsExactlyOneEntitlementAndEachRefundedOneNone(@ForAll("histories") History history) {
        // One business for all tries: each try's orders are its own, and only they are checked.
        List<UUID> orders = new ArrayList<>();
        List<Checkout> checkouts = new ArrayList<>();
        for (Outcome outcome : history.outcomes()) {
            UUID order = UUID.randomUUID();
            Checkout checkout =
                    stripe.paidCheckout(tenant, guide, order, client, "b@example.com", "B", 2900, "usd", 145);
            LedgerTestData.pendingOrder(tenant, order, guide, OfferKind.GUIDE, "USD", checkout.sessionId());
            // Stripe's final state: the events below only say that something changed.
            if (outcome == Outcome.REFUNDED) {
                stripe.refund(checkout.chargeId(), 2900, null);
            }
            orders.add(order);
            checkouts.add(checkout);
        }

        for (Delivery delivery : history.deliveries()) {
            Checkout checkout = checkouts.get(delivery.order());
            deliver(
                    tenant,
                    delivery.type(),
                    delivery.type().equals("charge.refunded") ? checkout.chargeId() : checkout.sessionId());
        }

        Map<UUID, String> statuses = read(tenant, db -> db.select(ORDERS.ID, ORDERS.STATUS)
                .from(ORDERS)
                .where(ORDERS.ID.in(orders))
                .fetchMap(ORDERS.ID, ORDERS.STATUS));
        Map<UUID, List<String>> entitlementsByOrder =
                read(tenant, db -> db.select(ENTITLEMENTS.ORDER_ID, ENTITLEMENTS.STATUS)
                        .from(ENTITLEMENTS)
                        .where(ENTITLEMENTS.ORDER_ID.in(orders))
                        .fetchGroups(ENTITLEMENTS.ORDER_ID, ENTITLEMENTS.STATUS));
        int recorded = read(
                tenant,
                db -> db.fetchCount(
                        ORDERS,
                        ORDERS.STRIPE_CHECKOUT_SESSION_ID.in(
                                checkouts.stream().map(Checkout::sessionId).toList())));
        assertThat(recorded).as("one order per checkout").isEqualTo(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            UUID order = orders.get(i);
            String status = statuses.get(order);
            List<String> granted = entitlementsByOrder.getOrDefault(order, List.of());
            int entitlements = granted.size();
            long active = granted.stream().filter("active"::equals).count();
            if (history.outcomes().get(i) == Outcome.PAID) {
                assertThat(status).as("order %d", i).isEqualTo("paid");
                assertThat(entitlements).as("entitlements of paid order %d", i).isOne();
                assertThat(active).isEqualTo(1);
            } else {
                assertThat(status).as("order %d", i).isEqualTo("refunded");
                assertThat(active)
                        .as("active entitlements of refunded order %d", i)
                        .isEqualTo(0);
                assertThat(entitlements).isLessThanOrEqualTo(1);
            }
        }
    }

    private static void deliver(TenantId tenant, String type, String objectId) {
        StripeEventHandler handler = handlers.stream()
                .filter(h -> h.eventTypes().contains(type))
                .findFirst()
                .orElseThrow();
        var event = new ReceivedStripeEvent(
                "evt_" + UUID.randomUUID(),
                type,
                ACCOUNT,
                false,
                objectId,
                Instant.now(),
                tenant,
                new com.stripe.model.Event());
        TenantContext.runAs(tenant, () -> {
            try {
                handler.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("Handling " + type + " " + objectId + " failed", e);
            }
        });
    }

    private static <T> T read(TenantId tenant, java.util.function.Function<org.jooq.DSLContext, T> query) {
        AtomicReference<T> result = new AtomicReference<>();
        TestTenants.seed(tenant, db -> result.set(query.apply(db)));
        return result.get();
    }
}
