package io.loadwise.billing.admin.internal;

import static io.loadwise.jooq.Tables.RECONCILIATION_RUNS;

import io.loadwise.billing.admin.ReconciliationProperties;
import io.loadwise.billing.admin.ReconciliationReport;
import io.loadwise.billing.admin.ReconciliationReport.Finding;
import io.loadwise.billing.connect.PaymentAccount;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.orders.internal.LedgerReconciler;
import io.loadwise.jooq.tables.records.ReconciliationRunsRecord;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs reconciliation over every business with a connected account — each with its own tenant
 * bound, never around row level security — and records the run (a platform table).
 */
@Component
public class ReconciliationRuns {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationRuns.class);

    private final TenantDirectory tenants;
    private final PaymentAccountService accounts;
    private final LedgerReconciler reconciler;
    private final ReconciliationProperties properties;
    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ReconciliationRuns(
            TenantDirectory tenants,
            PaymentAccountService accounts,
            LedgerReconciler reconciler,
            ReconciliationProperties properties,
            DSLContext db,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.reconciler = reconciler;
        this.properties = properties;
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    public ReconciliationReport run(String trigger) {
        UUID id = Ids.newId(clock);
        Instant started = clock.instant();
        transaction.executeWithoutResult(status -> db.insertInto(RECONCILIATION_RUNS)
                .set(RECONCILIATION_RUNS.ID, id)
                .set(RECONCILIATION_RUNS.TRIGGER, trigger)
                .set(RECONCILIATION_RUNS.STARTED_AT, started.atOffset(ZoneOffset.UTC))
                .execute());
        Instant since = started.minus(Duration.ofDays(properties.reconciliationDays()));
        int tenantCount = 0;
        int checked = 0;
        List<Finding> findings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (TenantId tenant : tenants.activeTenantIds()) {
            Optional<String> account = accounts.find(tenant).map(PaymentAccount::stripeAccountId);
            if (account.isEmpty()) {
                continue;
            }
            tenantCount++;
            String name = tenants.findById(tenant).map(Tenant::name).orElse(tenant.toString());
            try {
                LedgerReconciler.Result result =
                        TenantContext.callAs(tenant, () -> reconcileQuietly(account.get(), since));
                checked += result.checked();
                result.findings()
                        .forEach(f -> findings.add(
                                new Finding(name, f.kind(), f.stripeObjectId(), f.detail(), f.repaired())));
            } catch (RuntimeException e) {
                // One business's failure (its account disconnected, Stripe down) does not stop the others.
                log.error("Reconciliation of {} ({}) failed", name, tenant, e);
                errors.add(name + ": " + e.getMessage());
            }
        }
        int missing =
                (int) findings.stream().filter(f -> f.kind().equals("missing")).count();
        int mismatched = findings.size() - missing;
        int repaired = (int) findings.stream().filter(Finding::repaired).count();
        String error = errors.isEmpty() ? null : truncate(String.join("; ", errors), 2000);
        Instant finished = clock.instant();
        int tenantsSeen = tenantCount;
        int checkedTotal = checked;
        transaction.executeWithoutResult(status -> db.update(RECONCILIATION_RUNS)
                .set(RECONCILIATION_RUNS.FINISHED_AT, finished.atOffset(ZoneOffset.UTC))
                .set(RECONCILIATION_RUNS.TENANTS, tenantsSeen)
                .set(RECONCILIATION_RUNS.CHECKED, checkedTotal)
                .set(RECONCILIATION_RUNS.MISSING, missing)
                .set(RECONCILIATION_RUNS.MISMATCHED, mismatched)
                .set(RECONCILIATION_RUNS.REPAIRED, repaired)
                .set(RECONCILIATION_RUNS.FINDINGS, json.writeValueAsString(findings))
                .set(RECONCILIATION_RUNS.ERROR, error)
                .where(RECONCILIATION_RUNS.ID.eq(id))
                .execute());
        if (!findings.isEmpty()) {
            log.warn("Reconciliation {}: {} missing, {} mismatched, {} repaired", id, missing, mismatched, repaired);
        }
        return new ReconciliationReport(
                id, trigger, started, finished, tenantCount, checked, missing, mismatched, repaired, findings, error);
    }

    private LedgerReconciler.Result reconcileQuietly(String account, Instant since) {
        try {
            return reconciler.reconcile(account, since);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Stripe could not be read: " + e.getMessage(), e);
        }
    }

    /** Whether a nightly run started recently (another worker instance ran it already). */
    public boolean nightlyRanSince(Instant since) {
        return Boolean.TRUE.equals(transaction.execute(status -> db.fetchExists(
                RECONCILIATION_RUNS,
                RECONCILIATION_RUNS.TRIGGER.eq("nightly"),
                RECONCILIATION_RUNS.STARTED_AT.ge(since.atOffset(ZoneOffset.UTC)))));
    }

    public List<ReconciliationReport> recent(int limit) {
        return transaction.execute(status -> db.selectFrom(RECONCILIATION_RUNS)
                .orderBy(RECONCILIATION_RUNS.STARTED_AT.desc())
                .limit(limit)
                .fetch(this::report));
    }

    private ReconciliationReport report(ReconciliationRunsRecord r) {
        List<Finding> findings = json.readValue(r.getFindings(), new TypeReference<List<Finding>>() {});
        return new ReconciliationReport(
                r.getId(),
                r.getTrigger(),
                r.getStartedAt().toInstant(),
                r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant(),
                r.getTenants(),
                r.getChecked(),
                r.getMissing(),
                r.getMismatched(),
                r.getRepaired(),
                findings,
                r.getError());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
