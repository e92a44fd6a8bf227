package io.loadwise.billing.catalog.internal;

import io.loadwise.billing.catalog.ProductService;
import io.loadwise.billing.connect.ChargesEnabled;
import io.loadwise.tenancy.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Onboarding finished: what the business saved before goes to its Stripe account now. */
@Component
class CatalogSyncOnChargesEnabled {

    private static final Logger log = LoggerFactory.getLogger(CatalogSyncOnChargesEnabled.class);

    private final ProductService products;

    CatalogSyncOnChargesEnabled(ProductService products) {
        this.products = products;
    }

    @EventListener
    void on(ChargesEnabled event) {
        int left = TenantContext.callAs(event.tenant(), products::syncAll);
        if (left > 0) {
            log.warn(
                    "{} catalog entries of {} are not on Stripe yet; the scheduled catalog sync retries",
                    left,
                    event.tenant());
        }
    }
}
