package io.loadwise.billing.admin;

import io.loadwise.billing.admin.internal.AdminQueries;
import io.loadwise.billing.admin.internal.ReconciliationRuns;
import io.loadwise.billing.connect.PaymentAccount;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Platform admins' view across businesses. Crosses tenants through the one explicit path: each
 * business is read with its own tenant bound, never with row level security switched off.
 */
@Service
public class BillingAdminService {

    public static final int MAX_RUNS = 100;
    private static final int MAX_DISPUTES = 500;

    private final TenantDirectory tenants;
    private final PaymentAccountService accounts;
    private final AdminQueries queries;
    private final ReconciliationRuns runs;
    private final TransactionTemplate readOnly;

    BillingAdminService(
            TenantDirectory tenants,
            PaymentAccountService accounts,
            AdminQueries queries,
            ReconciliationRuns runs,
            PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.queries = queries;
        this.runs = runs;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Sales and fees per business and currency in the given months (inclusive), each business's
     * months in its own time zone. Businesses that sell but sold nothing appear with zeros.
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<TenantVolume> volume(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The period ends (" + to + ") before it starts (" + from + ").");
        }
        List<TenantVolume> result = new ArrayList<>();
        for (Tenant tenant : tenants.listAll()) {
            ZoneId zone = ZoneId.of(tenant.timeZone());
            Instant start = from.atDay(1).atStartOfDay(zone).toInstant();
            Instant end = to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            boolean chargesEnabled = accounts.find(tenant.id())
                    .map(PaymentAccount::chargesEnabled)
                    .orElse(false);
            AdminQueries.Sales sales =
                    TenantContext.callAs(tenant.id(), () -> readOnly.execute(status -> queries.sales(start, end)));
            List<AdminQueries.CurrencyTotals> totals = sales.totals();
            int openDisputes = sales.openDisputes();
            if (totals.isEmpty() && (chargesEnabled || openDisputes > 0)) {
                result.add(new TenantVolume(
                        tenant.id(), tenant.name(), tenant.currency(), 0, 0, 0, 0, openDisputes, chargesEnabled));
            }
            for (AdminQueries.CurrencyTotals t : totals) {
                result.add(new TenantVolume(
                        tenant.id(),
                        tenant.name(),
                        t.currency(),
                        t.orders(),
                        t.gross(),
                        t.refunded(),
                        t.fees(),
                        openDisputes,
                        chargesEnabled));
            }
        }
        result.sort(Comparator.comparing(TenantVolume::tenantName).thenComparing(TenantVolume::currency));
        return result;
    }

    /** Open disputes first, then the most recent closed ones. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<DisputeView> disputes() {
        List<DisputeView> all = new ArrayList<>();
        for (Tenant tenant : tenants.listAll()) {
            all.addAll(TenantContext.callAs(
                    tenant.id(), () -> readOnly.execute(status -> queries.disputes(tenant, MAX_DISPUTES))));
        }
        all.sort(Comparator.comparing((DisputeView d) -> d.closedAt() != null)
                .thenComparing(DisputeView::openedAt, Comparator.reverseOrder()));
        return all.size() > MAX_DISPUTES ? List.copyOf(all.subList(0, MAX_DISPUTES)) : all;
    }

    /** Compares our ledger with Stripe now, repairing what it can, and records the run. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public ReconciliationReport reconcileNow() {
        return runs.run("manual");
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<ReconciliationReport> recentRuns(int limit) {
        if (limit < 1 || limit > MAX_RUNS) {
            throw new IllegalArgumentException("Between 1 and " + MAX_RUNS + " runs can be listed.");
        }
        return runs.recent(limit);
    }

    /** The latest run, if any. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Optional<ReconciliationReport> latestRun() {
        return runs.recent(1).stream().findFirst();
    }
}
