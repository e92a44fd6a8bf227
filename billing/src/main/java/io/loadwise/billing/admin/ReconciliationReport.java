package io.loadwise.billing.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One reconciliation run: our ledger compared with Stripe's checkout sessions, subscriptions and
 * charges on every connected account; what was missing or different, and what was repaired (by
 * processing the object as if its webhook had arrived).
 */
public record ReconciliationReport(
        UUID id,
        String trigger,
        Instant startedAt,
        @Nullable Instant finishedAt,
        int tenants,
        int checked,
        int missing,
        int mismatched,
        int repaired,
        List<Finding> findings,
        @Nullable String error) {

    public ReconciliationReport {
        findings = List.copyOf(findings);
    }

    /** @param kind {@code missing} (Stripe has it, we do not) or {@code mismatch} */
    public record Finding(String tenantName, String kind, String stripeObjectId, String detail, boolean repaired) {}
}
