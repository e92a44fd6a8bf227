package io.loadwise.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.loadwise.billing.catalog.Product;
import io.loadwise.billing.catalog.ProductService;
import io.loadwise.billing.connect.PaymentAccount;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.sandbox.StripeSandbox;
import io.loadwise.identity.Role;
import io.loadwise.plans.templates.PlanLibrarySeeds;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.IntegrationTest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo business sells in the Stripe sandbox: onboarded, catalog synced, guides with real PDFs, a welcome code. */
// Its own Spring context: runs after the classes that share the cached ones (junit-platform.properties).
@Order(Integer.MAX_VALUE)
@IntegrationTest(keycloak = true)
class DemoCommerceIT {

    @Autowired
    ApplicationContext application;

    /**
     * The sandbox customizer adds its address at the lowest precedence, below application.yaml's
     * empty {@code LOADWISE_STRIPE_API_BASE} default, so this application would get none.
     */
    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("loadwise.stripe.api-base", () -> StripeSandbox.shared().url());
    }

    @Autowired
    PaymentAccountService accounts;

    @Autowired
    ProductService catalog;

    @Test
    void stride_sells_its_synced_catalog_in_the_sandbox_and_seeding_again_changes_nothing() {
        new DemoData(
                        application.getBean(DSLContext.class),
                        application.getBean(TransactionTemplate.class),
                        application.getBean(PlanLibrarySeeds.class),
                        application.getBean(Clock.class))
                .seed();
        DemoCommerce.seed(application);
        PaymentAccount account = accounts.find(DemoData.STRIDE).orElseThrow();
        DemoCommerce.seed(application);

        assertThat(account.canSell()).isTrue();
        assertThat(accounts.find(DemoData.STRIDE).orElseThrow().stripeAccountId())
                .isEqualTo(account.stripeAccountId());
        assertThat(accounts.find(DemoData.HARBOUR).map(PaymentAccount::canSell)).isEmpty();
        Map<String, Product> products =
                ActingAs.call(DemoData.userId(1), DemoData.STRIDE, Role.COACH, catalog::products).stream()
                        .collect(Collectors.toMap(Product::title, Function.identity()));
        assertThat(products.values())
                .allSatisfy(p -> assertThat(p.synced()).as(p.title()).isTrue());
        Product guide = products.get("Tendon Health Guide");
        assertThat(guide.hasGuideFile()).isTrue();
        assertThat(guide.pageCount()).isBetween(10, 14);
        assertThat(products.get("Hamstring Mini Tendon Guide").hasGuideFile()).isTrue();
        Product coaching = products.get("1:1 coaching");
        assertThat(coaching.billingInterval()).isEqualTo("month");
        assertThat(coaching.trialDays()).isEqualTo(7);
        JsonObject price = StripeSandbox.shared().object(coaching.stripePriceId());
        assertThat(price.get("unit_amount").getAsLong()).isEqualTo(19_900);
        assertThat(price.getAsJsonObject("recurring").get("interval").getAsString())
                .isEqualTo("month");
        assertThat(products.get("Custom training plan").stripePriceId()).isNotNull();
        assertThat(TenantContext.callAs(DemoData.STRIDE, () -> catalog.activePromotion("welcome10")))
                .isPresent();
        assertThat(ActingAs.call(DemoData.userId(1), DemoData.STRIDE, Role.COACH, catalog::promotionCodes))
                .hasSize(1);
        assertThat(List.of(guide.stripePriceId())).doesNotContainNull();
    }
}
