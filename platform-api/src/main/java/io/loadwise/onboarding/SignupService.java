package io.loadwise.onboarding;

import io.loadwise.identity.IdentityProvisioning;
import io.loadwise.identity.IdentityProvisioning.ProvisionedTenant;
import io.loadwise.onboarding.internal.OwnerRepository;
import io.loadwise.plans.templates.PlanLibrarySeeds;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.InvalidTenantSettingException;
import io.loadwise.tenancy.SlugTakenException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantSettingRules;
import io.loadwise.tenancy.TenantSettingsChange;
import io.loadwise.tenancy.TenantSettingsService;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public signup of a coaching business: its Keycloak organization and owner account (no
 * password yet), the tenant row (pending), the owner's membership, and a {@link TenantSignedUp}
 * event that has the owner mailed a link to confirm their email and choose a password.
 *
 * <p>Keycloak and PostgreSQL can't share a transaction: Keycloak is provisioned first and undone
 * if the database half fails, so no half-created business remains. The database work binds the
 * new tenant before its transaction starts, which is why this service uses a transaction template
 * rather than {@code @Transactional}.
 */
@Service
public class SignupService {

    private static final Logger log = LoggerFactory.getLogger(SignupService.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final IdentityProvisioning identity;
    private final TenantSettingsService tenants;
    private final OwnerRepository owners;
    private final PlanLibrarySeeds planLibrary;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    SignupService(
            IdentityProvisioning identity,
            TenantSettingsService tenants,
            OwnerRepository owners,
            PlanLibrarySeeds planLibrary,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.identity = identity;
        this.tenants = tenants;
        this.owners = owners;
        this.planLibrary = planLibrary;
        this.events = events;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Signs a business up. Public: anyone may call it.
     *
     * @throws SignupRejectedException for bad input (400) or a taken address or email (409)
     */
    public SignedUpTenant signUp(Signup signup) {
        TenantSettingsChange settings = validated(signup);
        String ownerName = ownerName(signup.ownerName());
        String email = email(signup.ownerEmail());
        if (tenants.isSlugTaken(settings.slug())) {
            throw new SignupRejectedException("slug", new SlugTakenException(settings.slug()).getMessage(), true);
        }
        // One Loadwise account belongs to one business: a second organization would leave its
        // logins without a tenant (tokens name the organization only when there is exactly one).
        if (identity.findUserByEmail(email).isPresent()) {
            throw new SignupRejectedException(
                    "ownerEmail",
                    "There is already a Loadwise account for " + email + ". Sign in with it, or use another address.",
                    true);
        }
        ProvisionedTenant provisioned = identity.createTenant(settings.name(), settings.slug(), email, ownerName);
        try {
            TenantContext.runAs(
                    provisioned.tenantId(),
                    () -> newTransaction.executeWithoutResult(status -> {
                        tenants.registerPending(provisioned.tenantId(), settings);
                        UUID owner = Ids.newId(clock);
                        owners.insertOwner(owner, provisioned.ownerUserId(), email, ownerName);
                        // The business starts with the platform's exercises and reference templates.
                        planLibrary.seedDefaults();
                        events.publishEvent(new TenantSignedUp(
                                Ids.newId(clock),
                                provisioned.tenantId(),
                                owner,
                                email,
                                ownerName,
                                settings.name(),
                                settings.slug(),
                                clock.instant()));
                    }));
        } catch (RuntimeException e) {
            log.warn("Signup of {} failed after Keycloak provisioning; undoing it", settings.slug(), e);
            identity.deleteTenant(provisioned);
            if (e instanceof SlugTakenException taken) {
                throw new SignupRejectedException("slug", taken.getMessage(), true);
            }
            throw e;
        }
        return new SignedUpTenant(provisioned.tenantId(), settings.slug(), email);
    }

    private static TenantSettingsChange validated(Signup signup) {
        try {
            return TenantSettingRules.validated(new TenantSettingsChange(
                    signup.businessName(), signup.slug(), null, signup.currency(), signup.timeZone(), signup.locale()));
        } catch (InvalidTenantSettingException e) {
            String field = "name".equals(e.field()) ? "businessName" : e.field();
            throw new SignupRejectedException(field, e.getMessage(), false);
        }
    }

    private static String ownerName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new SignupRejectedException("ownerName", "Tell us your name (up to 200 characters).", false);
        }
        return trimmed;
    }

    private static String email(String email) {
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalized).matches() || normalized.length() > 320) {
            throw new SignupRejectedException("ownerEmail", "'" + email + "' is not an email address.", false);
        }
        return normalized;
    }
}
