package io.loadwise.billing.connect;

import static io.loadwise.jooq.Tables.PAYMENT_ACCOUNTS;

import io.loadwise.jooq.tables.records.PaymentAccountsRecord;
import io.loadwise.tenancy.TenantId;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A business's connected account: onboarding (create the account, hand out an account link),
 * its state as Stripe reports it, and the platform fee on its sales.
 */
@Service
public class PaymentAccountService {

    private final DSLContext db;

    PaymentAccountService(DSLContext db) {
        this.db = db;
    }

    /** The current tenant's account (owner or coach); an empty, not-selling one before onboarding. */
    public PaymentAccount current() {
        throw new UnsupportedOperationException("Commerce issue: connect");
    }

    /**
     * Owner only: creates the connected account on first use and returns a fresh Stripe account
     * link to finish (or continue) onboarding; Stripe sends the owner back to {@code returnUrl}, or
     * to {@code refreshUrl} when the link expired.
     */
    public URI startOnboarding(URI returnUrl, URI refreshUrl) {
        throw new UnsupportedOperationException("Commerce issue: connect");
    }

    /** Owner only: re-reads the account from Stripe (what {@code account.updated} also does). */
    public PaymentAccount refresh() {
        throw new UnsupportedOperationException("Commerce issue: connect");
    }

    /** Platform admin only, audited: sets a business's platform fee. */
    public PaymentAccount setFee(TenantId tenant, PlatformFee fee, String reason) {
        throw new UnsupportedOperationException("Commerce issue: connect");
    }

    /**
     * The business that owns a connected account: how Connect webhooks find their tenant. Needs no
     * tenant (the table is readable by all, like tenants).
     */
    @Transactional(readOnly = true)
    public Optional<TenantId> tenantOfAccount(String stripeAccountId) {
        return db.select(PAYMENT_ACCOUNTS.TENANT_ID)
                .from(PAYMENT_ACCOUNTS)
                .where(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID.eq(stripeAccountId))
                .fetchOptional(r -> new TenantId(r.value1()));
    }

    /** A business's account as stored, for system work (checkout, refunds, webhooks). */
    @Transactional(readOnly = true)
    public Optional<PaymentAccount> find(TenantId tenant) {
        return db.selectFrom(PAYMENT_ACCOUNTS)
                .where(PAYMENT_ACCOUNTS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(PaymentAccountService::toAccount);
    }

    static PaymentAccount toAccount(PaymentAccountsRecord r) {
        List<String> due =
                r.getRequirementsDue() == null || r.getRequirementsDue().isBlank()
                        ? List.of()
                        : Arrays.asList(r.getRequirementsDue().split(","));
        return new PaymentAccount(
                new TenantId(r.getTenantId()),
                r.getStripeAccountId(),
                r.getChargesEnabled(),
                r.getPayoutsEnabled(),
                r.getDetailsSubmitted(),
                due,
                new PlatformFee(r.getFeeBasisPoints(), r.getFeeFixedMinor()));
    }
}
