package io.loadwise.billing.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Nightly reconciliation of the ledger against Stripe ({@code loadwise.billing.*}).
 *
 * @param reconciliationCron when the worker runs it (Spring cron, the server's zone); {@code -}
 *     switches the nightly run off (admins can still run it)
 * @param reconciliationDays how far back objects are compared: Stripe's objects created in the
 *     last so many days
 */
@ConfigurationProperties("loadwise.billing")
public record ReconciliationProperties(
        @DefaultValue("0 30 3 * * *") String reconciliationCron,
        @DefaultValue("35") int reconciliationDays) {

    public ReconciliationProperties {
        if (reconciliationDays < 1 || reconciliationDays > 400) {
            throw new IllegalArgumentException(
                    "loadwise.billing.reconciliation-days must be 1-400, was " + reconciliationDays);
        }
    }
}
