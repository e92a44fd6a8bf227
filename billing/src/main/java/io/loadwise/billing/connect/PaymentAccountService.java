package io.loadwise.billing.connect;

import static io.loadwise.jooq.Tables.PAYMENT_ACCOUNTS;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.connect.internal.PaymentAccountRepository;
import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.jooq.tables.records.PaymentAccountsRecord;
import io.loadwise.roster.ClientAccess;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A business's connected account: onboarding (create the account, hand out an account link),
 * its state as Stripe reports it, and the platform fee on its sales.
 *
 * <p>Stripe is called outside any transaction (a slow Stripe must not hold a database connection
 * and row locks); what Stripe answered is stored in a short transaction afterwards.
 */
@Service
public class PaymentAccountService {

    /** A coach of the business (owner or staff), never a platform admin. */
    static final String COACHES = "hasRole('COACH') and !hasRole('PLATFORM_ADMIN')";

    /** A fee change must say why: it changes what a business earns. */
    public static final int MIN_REASON_LENGTH = 10;

    private static final Logger log = LoggerFactory.getLogger(PaymentAccountService.class);

    /** Where Stripe lets a business sign up, by the currency it sells in, when its locale names no country. */
    private static final Map<String, String> COUNTRY_BY_CURRENCY = Map.ofEntries(
            Map.entry("USD", "US"),
            Map.entry("GBP", "GB"),
            Map.entry("EUR", "IE"),
            Map.entry("CAD", "CA"),
            Map.entry("AUD", "AU"),
            Map.entry("NZD", "NZ"),
            Map.entry("CHF", "CH"),
            Map.entry("SEK", "SE"),
            Map.entry("NOK", "NO"),
            Map.entry("DKK", "DK"),
            Map.entry("JPY", "JP"),
            Map.entry("SGD", "SG"));

    private final DSLContext db;
    private final PaymentAccountRepository accounts;
    private final StripeClient stripe;
    private final StripeProperties properties;
    private final TenantDirectory tenants;
    private final ClientAccess access;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    PaymentAccountService(
            DSLContext db,
            PaymentAccountRepository accounts,
            StripeClient stripe,
            StripeProperties properties,
            TenantDirectory tenants,
            ClientAccess access,
            TransactionTemplate tx,
            ApplicationEventPublisher events) {
        this.db = db;
        this.accounts = accounts;
        this.stripe = stripe;
        this.properties = properties;
        this.tenants = tenants;
        this.access = access;
        this.tx = tx;
        this.events = events;
    }

    /** The current tenant's account (owner or coach); an empty, not-selling one before onboarding. */
    @PreAuthorize(COACHES)
    public PaymentAccount current() {
        TenantId tenant = TenantContext.require();
        return read(tenant);
    }

    /**
     * Owner only: creates the connected account on first use and returns a fresh Stripe account
     * link to finish (or continue) onboarding; Stripe sends the owner back to {@code returnUrl}, or
     * to {@code refreshUrl} when the link expired.
     *
     * @throws StripeUnavailableException when Stripe could not create the account or the link
     */
    @PreAuthorize(COACHES)
    public URI startOnboarding(URI returnUrl, URI refreshUrl) {
        TenantId tenant = TenantContext.require();
        requireOwner("connect the business's Stripe account");
        String account = connectedAccount(tenant);
        try {
            AccountLink link = stripe.v1()
                    .accountLinks()
                    .create(AccountLinkCreateParams.builder()
                            .setAccount(account)
                            .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                            .setReturnUrl(returnUrl.toString())
                            .setRefreshUrl(refreshUrl.toString())
                            .build());
            return URI.create(link.getUrl());
        } catch (StripeException e) {
            throw new StripeUnavailableException("Could not open Stripe's onboarding", e);
        }
    }

    /** Owner only: re-reads the account from Stripe (what {@code account.updated} also does). */
    @PreAuthorize(COACHES)
    public PaymentAccount refresh() {
        TenantId tenant = TenantContext.require();
        requireOwner("refresh the business's Stripe account");
        String account = read(tenant).stripeAccountId();
        if (account == null) {
            throw new IllegalArgumentException("This business has no Stripe account yet: start onboarding first.");
        }
        return refreshFromStripe(account);
    }

    /**
     * Re-fetches a connected account of the bound tenant and stores its state; when charges just
     * became enabled, {@link ChargesEnabled} is published (the catalog syncs its products then).
     * For the {@code account.updated} handler and {@link #refresh()}; no user check.
     *
     * @throws IllegalStateException when the account is not the bound tenant's
     * @throws StripeUnavailableException when Stripe could not be asked
     */
    public PaymentAccount refreshFromStripe(String stripeAccountId) {
        TenantId tenant = TenantContext.require();
        Account account;
        try {
            account = stripe.v1().accounts().retrieve(stripeAccountId);
        } catch (StripeException e) {
            throw new StripeUnavailableException("Could not read the Stripe account", e);
        }
        boolean charges = Boolean.TRUE.equals(account.getChargesEnabled());
        List<String> due =
                account.getRequirements() == null || account.getRequirements().getCurrentlyDue() == null
                        ? List.of()
                        : account.getRequirements().getCurrentlyDue();
        Boolean before = tx.execute(s -> accounts.updateState(
                stripeAccountId,
                charges,
                Boolean.TRUE.equals(account.getPayoutsEnabled()),
                Boolean.TRUE.equals(account.getDetailsSubmitted()),
                due));
        if (charges && !Boolean.TRUE.equals(before)) {
            log.info("Charges enabled on {} for business {}", stripeAccountId, tenant);
            events.publishEvent(new ChargesEnabled(tenant, stripeAccountId));
        }
        return read(tenant);
    }

    /**
     * Platform admin only, audited: sets a business's platform fee. The entry in the business's
     * audit log names the admin, the reason and the fee before and after.
     *
     * @throws IllegalArgumentException for a missing or short reason
     * @throws NotFoundException for an unknown business
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public PaymentAccount setFee(TenantId tenant, PlatformFee fee, String reason) {
        String why = requireReason(reason);
        tenants.findById(tenant).orElseThrow(() -> new NotFoundException("tenant", tenant));
        CurrentUser admin = CurrentUsers.require();
        // Admins carry no tenant: bind it before the transaction starts, so row level security
        // scopes the update and the audit entry to this business.
        return TenantContext.callAs(
                tenant,
                () -> tx.execute(status -> {
                    accounts.ensureRow();
                    PlatformFee before = stored(tenant).map(PaymentAccount::fee).orElse(PlatformFee.NONE);
                    accounts.setFee(fee);
                    accounts.audit(
                            admin.userId(),
                            "platform-admin",
                            "platform-fee-changed",
                            why,
                            "{\"before\":" + feeJson(before) + ",\"after\":" + feeJson(fee) + "}");
                    return stored(tenant).orElseThrow();
                }));
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
        return stored(tenant);
    }

    /**
     * For checkout: the business's account, when Stripe enabled charges on it. No user check.
     *
     * @throws NotSellingException when the business has no account yet or charges are disabled
     */
    public PaymentAccount requireSelling(TenantId tenant) {
        PaymentAccount account = tx.execute(s -> stored(tenant)).orElseGet(() -> notOnboarded(tenant));
        if (!account.canSell()) {
            throw new NotSellingException(
                    tenants.findById(tenant).map(Tenant::name).orElse("This business"));
        }
        return account;
    }

    private PaymentAccount read(TenantId tenant) {
        return tx.execute(s -> stored(tenant)).orElseGet(() -> notOnboarded(tenant));
    }

    private Optional<PaymentAccount> stored(TenantId tenant) {
        return db.selectFrom(PAYMENT_ACCOUNTS)
                .where(PAYMENT_ACCOUNTS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(PaymentAccountService::toAccount);
    }

    /**
     * The tenant's connected account, created at Stripe on first use. The idempotency key is the
     * tenant's: two owners' clicks at once, or a retry after a lost answer, yield one account.
     */
    private String connectedAccount(TenantId tenant) {
        String existing = tx.execute(s -> {
            accounts.ensureRow();
            return accounts.stripeAccountIdForUpdate();
        });
        if (existing != null) {
            return existing;
        }
        Tenant business = tenants.findById(tenant).orElseThrow(() -> new NotFoundException("tenant", tenant));
        AccountCreateParams.Builder params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.STANDARD)
                .setCountry(countryOf(business))
                .setDefaultCurrency(business.currency().toLowerCase(Locale.ROOT))
                .setBusinessProfile(AccountCreateParams.BusinessProfile.builder()
                        .setName(business.name())
                        .build())
                .putMetadata("loadwise_tenant", tenant.toString());
        CurrentUsers.current().map(CurrentUser::email).ifPresent(params::setEmail);
        Account created;
        try {
            created = stripe.v1()
                    .accounts()
                    .create(
                            params.build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey("connect-account:" + tenant)
                                    .build());
        } catch (StripeException e) {
            throw new StripeUnavailableException("Could not create the Stripe account", e);
        }
        return tx.execute(s -> accounts.attach(created.getId(), properties.livemode()));
    }

    /** The country the account is opened in: the business locale's region, else its currency's home. */
    static String countryOf(Tenant business) {
        String region = Locale.forLanguageTag(business.locale()).getCountry();
        if (!region.isEmpty()) {
            return region;
        }
        return COUNTRY_BY_CURRENCY.getOrDefault(business.currency(), "US");
    }

    private void requireOwner(String what) {
        if (!access.currentUserIsOwner()) {
            throw new AccessDeniedException("Only the owner of the business may " + what + ".");
        }
    }

    static String requireReason(@Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON_LENGTH) {
            throw new IllegalArgumentException("Changing a platform fee needs a reason of at least " + MIN_REASON_LENGTH
                    + " characters: say why this business's fee changes.");
        }
        if (why.length() > 2000) {
            throw new IllegalArgumentException("A reason is at most 2000 characters.");
        }
        return why;
    }

    private static String feeJson(PlatformFee fee) {
        return "{\"basisPoints\":" + fee.basisPoints() + ",\"fixedMinor\":" + fee.fixedMinor() + "}";
    }

    private static PaymentAccount notOnboarded(TenantId tenant) {
        return new PaymentAccount(tenant, null, false, false, false, List.of(), PlatformFee.NONE);
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
