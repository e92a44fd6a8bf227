package io.loadwise.billing.catalog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's retry of catalog entries a save could not get onto Stripe
 * ({@code loadwise.billing.catalog-sync.*}).
 *
 * @param retryInterval the pause between two runs, and before the first one after start
 */
@ConfigurationProperties("loadwise.billing.catalog-sync")
public record CatalogSyncProperties(@DefaultValue("5m") Duration retryInterval) {

    public CatalogSyncProperties {
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException(
                    "loadwise.billing.catalog-sync.retry-interval must be positive, was " + retryInterval);
        }
    }
}
