package io.loadwise.billing.admin;

import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Platform admins' view across businesses. Crosses tenants through the one explicit path: each
 * business is read with its own tenant bound, never with row level security switched off.
 */
@Service
public class BillingAdminService {

    /** Sales and fees per business and currency in the given months (inclusive). */
    public List<TenantVolume> volume(YearMonth from, YearMonth to) {
        throw new UnsupportedOperationException("Commerce issue: admin");
    }

    /** Open disputes first, then the most recent closed ones. */
    public List<DisputeView> disputes() {
        throw new UnsupportedOperationException("Commerce issue: admin");
    }

    /** Compares our ledger with Stripe now, repairing what it can, and records the run. */
    public ReconciliationReport reconcileNow() {
        throw new UnsupportedOperationException("Commerce issue: admin");
    }

    public List<ReconciliationReport> recentRuns(int limit) {
        throw new UnsupportedOperationException("Commerce issue: admin");
    }
}
