package io.loadwise.billing.catalog.internal;

import io.loadwise.billing.catalog.CatalogSyncProperties;
import io.loadwise.billing.catalog.ProductService;
import io.loadwise.billing.connect.PaymentAccount;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Retries, in the worker role, what a coach's save could not put on Stripe (Stripe was down): every
 * business that can sell gets its unsynced products and promotion codes sent again, as its own
 * tenant, through the catalog's own sync. Without this an unsynced product stayed off sale until
 * the coach saved it again. Businesses that cannot sell yet are left alone: onboarding completing
 * syncs their catalog ({@code ChargesEnabled}). One business's failure does not stop the others.
 *
 * <p>With several workers two runs may overlap; Stripe's idempotency keys on every creating call
 * keep that to a repeated request, never a second product or price.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(CatalogSyncProperties.class)
@ConditionalOnWorkerRole
public class CatalogSyncRetry implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CatalogSyncRetry.class);

    private final TenantDirectory tenants;
    private final PaymentAccountService accounts;
    private final ProductService catalog;
    private final CatalogSyncProperties properties;

    CatalogSyncRetry(
            TenantDirectory tenants,
            PaymentAccountService accounts,
            ProductService catalog,
            CatalogSyncProperties properties) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.catalog = catalog;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(this::retryAll, properties.retryInterval(), properties.retryInterval()));
    }

    /**
     * One run over every business that can sell.
     *
     * @return what the run did, as its log line says
     */
    public Run retryAll() {
        int businesses = 0;
        int tried = 0;
        int left = 0;
        int failed = 0;
        for (TenantId tenant : tenants.activeTenantIds()) {
            if (!accounts.find(tenant).map(PaymentAccount::canSell).orElse(false)) {
                continue;
            }
            businesses++;
            try {
                ProductService.CatalogSync sync = TenantContext.callAs(tenant, catalog::syncUnsynced);
                tried += sync.tried();
                left += sync.left();
            } catch (RuntimeException e) {
                failed++;
                log.error("Catalog sync retry for business {} failed; the next run tries again", tenant, e);
            }
        }
        Run run = new Run(businesses, tried, Math.max(tried - left, 0), left, failed);
        if (tried > 0 || failed > 0) {
            log.info(
                    "Catalog sync retry: {} businesses that can sell, {} entries not on Stripe tried, {} synced,"
                            + " {} still not on Stripe, {} businesses failed",
                    run.businesses(),
                    run.tried(),
                    run.synced(),
                    run.left(),
                    run.failedBusinesses());
        } else {
            log.debug("Catalog sync retry: nothing to sync in {} businesses that can sell", businesses);
        }
        return run;
    }

    /**
     * @param businesses businesses that can sell, looked at
     * @param tried entries that were not on Stripe and were sent again
     * @param synced of those, how many are on Stripe now
     * @param left entries still not on Stripe (a save meanwhile counts here too)
     * @param failedBusinesses businesses whose run broke off with an error
     */
    public record Run(int businesses, int tried, int synced, int left, int failedBusinesses) {}
}
