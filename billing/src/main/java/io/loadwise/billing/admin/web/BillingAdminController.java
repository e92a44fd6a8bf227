package io.loadwise.billing.admin.web;

import io.loadwise.billing.admin.BillingAdminService;
import io.loadwise.billing.admin.DisputeView;
import io.loadwise.billing.admin.ReconciliationReport;
import io.loadwise.billing.admin.TenantVolume;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins: volume and fees per business, disputes, reconciliation with Stripe. */
@RestController
@RequestMapping("/api/v1/admin/billing")
@Tag(name = "Billing administration", description = "Across businesses, for platform admins")
class BillingAdminController {

    private final BillingAdminService admin;

    BillingAdminController(BillingAdminService admin) {
        this.admin = admin;
    }

    @GetMapping("/volume")
    @Operation(
            summary = "Sales, refunds and platform fees per business and currency",
            description = "Months as YYYY-MM, inclusive; this month when absent. 403 for anyone but platform admins.")
    List<TenantVolume> volume(
            @Parameter(description = "first month, YYYY-MM") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last month, YYYY-MM") @RequestParam(required = false) @Nullable String to) {
        YearMonth now = YearMonth.now();
        return admin.volume(month(from, now), month(to, now));
    }

    @GetMapping("/disputes")
    @Operation(summary = "Disputes on every business's account: open ones first")
    List<DisputeView> disputes() {
        return admin.disputes();
    }

    @PostMapping("/reconciliation-runs")
    @Operation(
            summary = "Reconcile the ledger with Stripe now",
            description = "Compares every connected account's recent checkout sessions, subscriptions, refunds"
                    + " and disputes with the ledger, repairs what differs as the webhook would have, and"
                    + " records the run.")
    ReconciliationReport reconcile() {
        return admin.reconcileNow();
    }

    @GetMapping("/reconciliation-runs")
    @Operation(summary = "The latest reconciliation runs, newest first")
    List<ReconciliationReport> runs(@Parameter(description = "1-100") @RequestParam(defaultValue = "20") int limit) {
        return admin.recentRuns(limit);
    }

    private static YearMonth month(@Nullable String text, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a month like 2026-03.");
        }
    }
}
