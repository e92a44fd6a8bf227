package io.loadwise.billing.connect;

import static io.loadwise.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.model.Event;
import io.loadwise.billing.BillingIntegrationTest;
import io.loadwise.billing.StripeStub;
import io.loadwise.billing.catalog.Product;
import io.loadwise.billing.catalog.ProductDraft;
import io.loadwise.billing.catalog.ProductService;
import io.loadwise.billing.webhooks.ReceivedStripeEvent;
import io.loadwise.billing.webhooks.StripeEventHandler;
import io.loadwise.catalog.OfferKind;
import io.loadwise.identity.Role;
import io.loadwise.jooq.tables.records.AuditLogRecord;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.ActingAs;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/** A business connects its Stripe account, Stripe enables charges, a platform admin sets its fee. */
class PaymentAccountIT extends BillingIntegrationTest {

    static final URI RETURN = URI.create("https://coach.example.test/coach/settings/payments?onboarding=returned");
    static final URI REFRESH = URI.create("https://coach.example.test/coach/settings/payments?onboarding=expired");

    @Autowired
    PaymentAccountService accounts;

    @Autowired
    ProductService products;

    @Autowired
    List<StripeEventHandler> handlers;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    @Test
    void before_onboarding_a_business_has_an_empty_account_and_cannot_sell() {
        Business business = business("Not yet selling");

        PaymentAccount account = ActingAs.call(business.coach(), business.id(), Role.COACH, accounts::current);

        assertThat(account.stripeAccountId()).isNull();
        assertThat(account.canSell()).isFalse();
        assertThat(account.fee()).isEqualTo(PlatformFee.NONE);
        assertThatThrownBy(() -> accounts.requireSelling(business.id())).isInstanceOf(NotSellingException.class);
    }

    @Test
    void the_owner_gets_one_connected_account_however_often_she_starts_onboarding() {
        Business business = business("Onboarding twice");

        URI first = ActingAs.call(
                business.owner(), business.id(), Role.COACH, () -> accounts.startOnboarding(RETURN, REFRESH));
        URI second = ActingAs.call(
                business.owner(), business.id(), Role.COACH, () -> accounts.startOnboarding(RETURN, REFRESH));

        assertThat(first.toString()).startsWith("https://connect.stripe.test/setup/");
        assertThat(second).isNotEqualTo(first);
        var creations = stripe.posts("/v1/accounts").stream()
                .filter(r -> StripeStub.form(r)
                        .getOrDefault("metadata[loadwise_tenant]", "")
                        .equals(business.id().toString()))
                .toList();
        assertThat(creations).hasSize(1);
        assertThat(creations.getFirst().getHeader("Idempotency-Key")).isEqualTo("connect-account:" + business.id());
        assertThat(StripeStub.form(creations.getFirst()))
                .containsEntry("country", "US")
                .containsEntry("business_profile[name]", "Onboarding twice")
                .containsEntry("default_currency", "usd");
        PaymentAccount account = ActingAs.call(business.owner(), business.id(), Role.COACH, accounts::current);
        assertThat(account.stripeAccountId()).startsWith("acct_");
        assertThat(account.canSell()).isFalse();
        var links = stripe.posts("/v1/account_links").stream()
                .filter(r -> StripeStub.form(r).get("account").equals(account.stripeAccountId()))
                .toList();
        assertThat(links).hasSize(2);
        assertThat(StripeStub.form(links.getFirst()))
                .containsEntry("type", "account_onboarding")
                .containsEntry("return_url", RETURN.toString())
                .containsEntry("refresh_url", REFRESH.toString());
        assertThat(accounts.tenantOfAccount(account.stripeAccountId())).contains(business.id());
    }

    @Test
    void only_the_owner_connects_the_account() {
        Business business = business("Coach may not");

        assertThatThrownBy(() -> ActingAs.call(
                        business.coach(), business.id(), Role.COACH, () -> accounts.startOnboarding(RETURN, REFRESH)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ActingAs.call(business.coach(), business.id(), Role.COACH, accounts::refresh))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void account_updated_enables_charges_and_syncs_what_was_saved_before() {
        Business business = business("Charges enabled");
        Product saved = ActingAs.call(business.coach(), business.id(), Role.COACH, () -> products.create(coaching()));
        assertThat(saved.synced()).isFalse();
        ActingAs.run(business.owner(), business.id(), Role.COACH, () -> accounts.startOnboarding(RETURN, REFRESH));
        String account = accounts.find(business.id()).orElseThrow().stripeAccountId();

        // Stripe still needs details: the event changes nothing that matters yet.
        stripe.accountState(account, false, List.of("individual.dob.day", "external_account"));
        handle(business, account);
        PaymentAccount pending = accounts.find(business.id()).orElseThrow();
        assertThat(pending.canSell()).isFalse();
        assertThat(pending.requirementsDue()).containsExactly("individual.dob.day", "external_account");

        stripe.accountState(account, true, List.of());
        handle(business, account);
        handle(business, account);

        PaymentAccount ready = accounts.find(business.id()).orElseThrow();
        assertThat(ready.canSell()).isTrue();
        assertThat(ready.payoutsEnabled()).isTrue();
        assertThat(ready.detailsSubmitted()).isTrue();
        assertThat(ready.requirementsDue()).isEmpty();
        assertThat(accounts.requireSelling(business.id())).isEqualTo(ready);
        Product synced = ActingAs.call(business.coach(), business.id(), Role.COACH, () -> products.product(saved.id()));
        assertThat(synced.synced()).isTrue();
        assertThat(synced.stripePriceId()).startsWith("price_");
        assertThat(stripe.posts("/v1/products").stream().filter(r -> account.equals(r.getHeader("Stripe-Account"))))
                .hasSize(1);
    }

    @Test
    void the_owner_refreshes_the_account_from_stripe() {
        Business business = business("Refreshing");
        ActingAs.run(business.owner(), business.id(), Role.COACH, () -> accounts.startOnboarding(RETURN, REFRESH));
        String account = accounts.find(business.id()).orElseThrow().stripeAccountId();
        stripe.accountState(account, true, List.of());

        PaymentAccount refreshed = ActingAs.call(business.owner(), business.id(), Role.COACH, accounts::refresh);

        assertThat(refreshed.canSell()).isTrue();
    }

    @Test
    void a_platform_admin_sets_the_fee_with_a_reason_and_it_is_audited() {
        Business business = business("Fee change");
        UUID admin = UUID.randomUUID();

        PaymentAccount changed = asPlatformAdmin(
                admin,
                () -> accounts.setFee(business.id(), new PlatformFee(250, 30), "Founding partner rate agreed in call"));

        assertThat(changed.fee()).isEqualTo(new PlatformFee(250, 30));
        assertThat(accounts.find(business.id()).orElseThrow().fee().on(10_000)).isEqualTo(280);
        AuditLogRecord entry = TenantContext.callAs(
                business.id(),
                () -> tx.execute(s -> db.selectFrom(AUDIT_LOG)
                        .where(AUDIT_LOG.ACTION.eq("platform-fee-changed"))
                        .fetchSingle()));
        assertThat(entry.getActorId()).isEqualTo(admin);
        assertThat(entry.getActorRole()).isEqualTo("platform-admin");
        assertThat(entry.getReason()).isEqualTo("Founding partner rate agreed in call");
        assertThat(entry.getDetail().data())
                .contains("\"before\": {\"fixedMinor\": 0, \"basisPoints\": 0}")
                .contains("\"after\": {\"fixedMinor\": 30, \"basisPoints\": 250}");
    }

    @Test
    void a_fee_needs_a_platform_admin_and_a_reason() {
        Business business = business("Fee refused");

        assertThatThrownBy(() -> ActingAs.call(
                        business.owner(),
                        business.id(),
                        Role.COACH,
                        () -> accounts.setFee(business.id(), PlatformFee.NONE, "I would like no fee please")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> asPlatformAdmin(
                        UUID.randomUUID(), () -> accounts.setFee(business.id(), new PlatformFee(100, 0), " ok ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason of at least 10 characters");
        assertThat(accounts.find(business.id())).isEmpty();
    }

    private void handle(Business business, String account) {
        StripeEventHandler handler = handlers.stream()
                .filter(h -> h.eventTypes().contains("account.updated"))
                .findFirst()
                .orElseThrow();
        Event event = new Event();
        event.setId("evt_" + UUID.randomUUID());
        event.setType("account.updated");
        event.setAccount(account);
        ReceivedStripeEvent received = new ReceivedStripeEvent(
                event.getId(), "account.updated", account, false, account, Instant.now(), business.id(), event);
        TenantContext.runAs(business.id(), () -> {
            try {
                handler.handle(received);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static ProductDraft coaching() {
        return new ProductDraft(
                OfferKind.COACHING,
                "1:1 coaching",
                "A plan that adapts to your check-ins",
                null,
                19_900,
                "month",
                7,
                null,
                true,
                1);
    }
}
