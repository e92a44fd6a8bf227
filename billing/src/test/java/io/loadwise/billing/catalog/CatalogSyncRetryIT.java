package io.loadwise.billing.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.billing.BillingIntegrationTest;
import io.loadwise.billing.catalog.internal.CatalogSyncRetry;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.ActingAs;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A product saved while Stripe was down goes on sale without the coach saving it again: the
 * worker's scheduled retry syncs it once Stripe answers.
 */
class CatalogSyncRetryIT extends BillingIntegrationTest {

    @Autowired
    ProductService catalog;

    @Autowired
    CatalogSyncRetry retry;

    @Test
    void a_product_saved_during_a_stripe_outage_is_on_sale_after_the_next_run() {
        Business selling = business("Outage, then retried");
        connected(selling, true);
        Business onboarding = business("Still onboarding");
        connected(onboarding, false);
        Product saved;
        Product waiting;
        stripe.down();
        try {
            saved = as(selling, () -> catalog.create(ProductCatalogIT.guide()));
            waiting = as(onboarding, () -> catalog.create(ProductCatalogIT.guide()));
            CatalogSyncRetry.Run duringOutage = retry.retryAll();
            assertThat(duringOutage.left())
                    .as("Stripe still down: nothing synced")
                    .isPositive();
        } finally {
            stripe.up();
        }
        assertThat(saved.stripePriceId()).isNull();
        assertThat(as(selling, () -> catalog.product(saved.id())).synced()).isFalse();

        CatalogSyncRetry.Run run = retry.retryAll();

        assertThat(run.synced()).isPositive();
        Product after = as(selling, () -> catalog.product(saved.id()));
        assertThat(after.synced()).isTrue();
        assertThat(after.syncError()).isNull();
        assertThat(after.stripePriceId()).startsWith("price_");
        assertThat(TenantContext.callAs(selling.id(), () -> catalog.forSale(saved.id())))
                .as("buyers can check out now")
                .isPresent();
        assertThat(as(onboarding, () -> catalog.product(waiting.id())).synced())
                .as("a business that cannot sell yet waits for onboarding to finish")
                .isFalse();
    }

    private <T> T as(Business business, Supplier<T> work) {
        return ActingAs.call(business.coach(), business.id(), Role.COACH, work);
    }
}
