package io.loadwise.billing.orders;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.ORDERS;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Event;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import io.loadwise.billing.ApiCalls;
import io.loadwise.billing.StripeRequests;
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
import io.loadwise.testsupport.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A business selling a guide and monthly coaching through its own account on the shared Stripe
 * sandbox, and clients who bought them there: checkouts paid on the sandbox, their webhooks handed
 * to the application's handlers as the webhook processor hands them (tenant bound), so the ledger
 * is built from the sandbox's objects exactly as in production.
 */
public final class SandboxShop {

    public final Tenant business;
    public final String account;
    public final UUID owner = UUID.randomUUID();
    public final UUID coach = UUID.randomUUID();
    public final UUID guide;
    public final UUID coaching;

    private final StripeClient stripe;
    private final CheckoutService checkout;
    private final List<StripeEventHandler> handlers;
    private final StripeSandbox sandbox = StripeSandbox.shared();

    /** A paid checkout: the order and, for coaching, its Stripe subscription. */
    public record Bought(
            UUID orderId,
            String checkoutSessionId,
            UUID clientId,
            @Nullable UUID userId,
            String email) {}

    public SandboxShop(String name, StripeClient stripe, CheckoutService checkout, List<StripeEventHandler> handlers)
            throws StripeException {
        this.stripe = stripe;
        this.checkout = checkout;
        this.handlers = handlers;
        Account created = stripe.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS)
                        .setCountry("US")
                        .setEmail("owner@example.test")
                        .build());
        account = created.getId();
        sandbox.completeOnboarding(account);
        business = TestTenants.create(name + " " + UUID.randomUUID().toString().substring(0, 8));
        LedgerTestData.paymentAccount(business.id(), account);
        LedgerTestData.member(business.id(), owner, "owner", "owner-" + owner + "@example.com");
        LedgerTestData.member(business.id(), coach, "coach", "coach-" + coach + "@example.com");
        guide = LedgerTestData.offer(business.id(), OfferKind.GUIDE, 2900, "USD", null, price(2900, false));
        LedgerTestData.guidePdf(business.id(), guide);
        coaching = LedgerTestData.offer(business.id(), OfferKind.COACHING, 9900, "USD", null, price(9900, true));
    }

    /**
     * A shop opened with the application's own Stripe client, checkout and webhook handlers (in the
     * order the webhook processor is given them).
     */
    public static SandboxShop open(String name, ApplicationContext context) throws StripeException {
        return new SandboxShop(
                name,
                context.getBean(StripeClient.class),
                context.getBean(CheckoutService.class),
                context.getBeanProvider(StripeEventHandler.class)
                        .orderedStream()
                        .toList());
    }

    /** The owner's token, as Keycloak issues it for this business. */
    public RequestPostProcessor asOwner() {
        return ApiCalls.member(owner, Role.COACH, business.id());
    }

    /** A coach's (not the owner's) token for this business. */
    public RequestPostProcessor asCoach() {
        return ApiCalls.member(coach, Role.COACH, business.id());
    }

    /** A client on the roster who pays for {@code offer} on the sandbox's checkout page. */
    public Bought buy(UUID offer, String name) throws InterruptedException {
        String email = name.toLowerCase().replace(' ', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID user = UUID.randomUUID();
        UUID client = LedgerTestData.client(business.id(), user, email, name);
        return buyAs(offer, client, user, email, name);
    }

    public Bought buyAs(UUID offer, UUID client, @Nullable UUID user, String email, String name)
            throws InterruptedException {
        CheckoutStarted started = checkout.start(business.slug(), offer, null);
        sandbox.payCheckout(started.checkoutSessionId(), email, name);
        deliver("checkout.session.completed", started.checkoutSessionId());
        await(() -> order(started.orderId()), o -> o != null && o.getStatus().equals("paid"));
        return new Bought(started.orderId(), started.checkoutSessionId(), client, user, email);
    }

    /**
     * A client the coach put on the roster who has no login (never invited, or the invite not
     * taken up); her purchases find her by email.
     */
    public UUID rosterClientWithoutLogin(String name, String email) {
        UUID client = UUID.randomUUID();
        TestTenants.seed(business.id(), db -> db.insertInto(CLIENTS)
                .set(CLIENTS.TENANT_ID, business.id().value())
                .set(CLIENTS.ID, client)
                .set(CLIENTS.DISPLAY_NAME, name)
                .set(CLIENTS.EMAIL, email)
                .set(CLIENTS.STATUS, "active")
                .set(CLIENTS.CREATED_AT, OffsetDateTime.now())
                .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                .execute());
        return client;
    }

    /** Hands an event for {@code objectId} to the handler of {@code type}, as the webhook processor does. */
    public void deliver(String type, String objectId) {
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

    public OrdersRecord order(UUID id) {
        AtomicReference<OrdersRecord> order = new AtomicReference<>();
        TestTenants.seed(
                business.id(),
                db -> order.set(db.selectFrom(ORDERS).where(ORDERS.ID.eq(id)).fetchOne()));
        return order.get();
    }

    public static <T> T await(Supplier<T> read, Predicate<T> done) throws InterruptedException {
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

    private String price(long amount, boolean monthly) throws StripeException {
        String product = stripe.v1()
                .products()
                .create(
                        ProductCreateParams.builder()
                                .setName(monthly ? "Coaching" : "Guide")
                                .build(),
                        StripeRequests.onAccount(account))
                .getId();
        PriceCreateParams.Builder price = PriceCreateParams.builder()
                .setProduct(product)
                .setCurrency("usd")
                .setUnitAmount(amount);
        if (monthly) {
            price.setRecurring(PriceCreateParams.Recurring.builder()
                    .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                    .build());
        }
        return stripe.v1()
                .prices()
                .create(price.build(), StripeRequests.onAccount(account))
                .getId();
    }
}
