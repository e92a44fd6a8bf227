package io.loadwise.billing.connect.internal;

import static io.loadwise.jooq.Tables.AUDIT_LOG;
import static io.loadwise.jooq.Tables.PAYMENT_ACCOUNTS;

import io.loadwise.billing.connect.PlatformFee;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes of the bound tenant's payment account row, and the audit entry of a fee change. */
@Repository
public class PaymentAccountRepository {

    /** The column's width: what Stripe still needs is kept as a comma-separated list. */
    private static final int MAX_REQUIREMENTS = 2000;

    private final DSLContext db;
    private final Clock clock;

    PaymentAccountRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates the (not selling, no fee) row of the bound tenant unless it exists. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ensureRow() {
        OffsetDateTime now = now();
        db.insertInto(PAYMENT_ACCOUNTS)
                .set(PAYMENT_ACCOUNTS.TENANT_ID, TenantContext.require().value())
                .set(PAYMENT_ACCOUNTS.CREATED_AT, now)
                .set(PAYMENT_ACCOUNTS.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public @Nullable String stripeAccountIdForUpdate() {
        return db.select(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID)
                .from(PAYMENT_ACCOUNTS)
                .where(PAYMENT_ACCOUNTS.TENANT_ID.eq(TenantContext.require().value()))
                .forUpdate()
                .fetchOne(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID);
    }

    /**
     * Stores the connected account unless the tenant has one already.
     *
     * @return the tenant's account id afterwards (the stored one wins)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String attach(String stripeAccountId, boolean livemode) {
        db.update(PAYMENT_ACCOUNTS)
                .set(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID, stripeAccountId)
                .set(PAYMENT_ACCOUNTS.LIVEMODE, livemode)
                .set(PAYMENT_ACCOUNTS.UPDATED_AT, now())
                .set(PAYMENT_ACCOUNTS.VERSION, PAYMENT_ACCOUNTS.VERSION.plus(1))
                .where(PAYMENT_ACCOUNTS.TENANT_ID.eq(TenantContext.require().value()))
                .and(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID.isNull())
                .execute();
        String stored = stripeAccountIdForUpdate();
        if (stored == null) {
            throw new IllegalStateException("The payment account row of " + TenantContext.require() + " is missing");
        }
        return stored;
    }

    /**
     * Stores the account's state as Stripe reported it.
     *
     * @return whether charges were enabled before this update
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean updateState(
            String stripeAccountId,
            boolean chargesEnabled,
            boolean payoutsEnabled,
            boolean detailsSubmitted,
            List<String> requirementsDue) {
        UUID tenant = TenantContext.require().value();
        Boolean before = db.select(PAYMENT_ACCOUNTS.CHARGES_ENABLED)
                .from(PAYMENT_ACCOUNTS)
                .where(PAYMENT_ACCOUNTS.TENANT_ID.eq(tenant))
                .and(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID.eq(stripeAccountId))
                .forUpdate()
                .fetchOne(PAYMENT_ACCOUNTS.CHARGES_ENABLED);
        if (before == null) {
            throw new IllegalStateException(
                    "Stripe account " + stripeAccountId + " is not the payment account of " + tenant);
        }
        db.update(PAYMENT_ACCOUNTS)
                .set(PAYMENT_ACCOUNTS.CHARGES_ENABLED, chargesEnabled)
                .set(PAYMENT_ACCOUNTS.PAYOUTS_ENABLED, payoutsEnabled)
                .set(PAYMENT_ACCOUNTS.DETAILS_SUBMITTED, detailsSubmitted)
                .set(PAYMENT_ACCOUNTS.REQUIREMENTS_DUE, requirements(requirementsDue))
                .set(PAYMENT_ACCOUNTS.UPDATED_AT, now())
                .set(PAYMENT_ACCOUNTS.VERSION, PAYMENT_ACCOUNTS.VERSION.plus(1))
                .where(PAYMENT_ACCOUNTS.TENANT_ID.eq(tenant))
                .execute();
        return before;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void setFee(PlatformFee fee) {
        db.update(PAYMENT_ACCOUNTS)
                .set(PAYMENT_ACCOUNTS.FEE_BASIS_POINTS, fee.basisPoints())
                .set(PAYMENT_ACCOUNTS.FEE_FIXED_MINOR, fee.fixedMinor())
                .set(PAYMENT_ACCOUNTS.UPDATED_AT, now())
                .set(PAYMENT_ACCOUNTS.VERSION, PAYMENT_ACCOUNTS.VERSION.plus(1))
                .where(PAYMENT_ACCOUNTS.TENANT_ID.eq(TenantContext.require().value()))
                .execute();
    }

    /** An entry in the bound tenant's audit log, as privacy's break-glass writes them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void audit(UUID actorId, String actorRole, String action, String reason, String detailJson) {
        TenantId tenant = TenantContext.require();
        db.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.TENANT_ID, tenant.value())
                .set(AUDIT_LOG.ID, Ids.newId(clock))
                .set(AUDIT_LOG.AT, now())
                .set(AUDIT_LOG.ACTOR_ID, actorId)
                .set(AUDIT_LOG.ACTOR_ROLE, actorRole)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.SUBJECT_ID, tenant.value())
                .set(AUDIT_LOG.REASON, reason)
                .set(AUDIT_LOG.DETAIL, JSONB.valueOf(detailJson))
                .execute();
    }

    private static @Nullable String requirements(List<String> due) {
        if (due.isEmpty()) {
            return null;
        }
        StringBuilder joined = new StringBuilder();
        for (String item : due) {
            // Keep whole items only: a cut item would name a requirement Stripe never asked for.
            if (joined.length() + item.length() + 1 > MAX_REQUIREMENTS) {
                break;
            }
            joined.append(joined.isEmpty() ? "" : ",").append(item);
        }
        return joined.toString();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
