package io.loadwise.onboarding;

import io.loadwise.identity.IdentityProvisioning;
import io.loadwise.identity.PasswordRejectedException;
import io.loadwise.onboarding.AccountLinkUnusableException.Reason;
import io.loadwise.onboarding.internal.AccountTokenRepository;
import io.loadwise.onboarding.internal.AccountTokenRepository.StoredToken;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import io.loadwise.tenancy.TenantSettingsService;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single-use links that let a person set their password: mailed after an invite or a signup, they
 * lead to {@code /welcome/<token>}.
 *
 * <p>The token is the tenant id, the token id and a 256-bit random secret, base64url-encoded: the
 * tenant lets the lookup run inside that tenant under row level security, and only the SHA-256
 * of the secret is stored, compared in constant time. A link expires, works once, and a newer link
 * for the same person replaces older ones.
 *
 * <p>Inspecting and redeeming come from anonymous visitors, so they bind the link's tenant
 * themselves before their transaction starts (the tenant reaches PostgreSQL when it begins).
 *
 * @see <a href="../../../../../../docs/adr/0005-account-links.md">ADR 0005: account links</a>
 */
@Service
public class AccountLinks {

    private static final int SECRET_BYTES = 32;
    private static final int TOKEN_BYTES = 16 + 16 + SECRET_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountTokenRepository tokens;
    private final TenantDirectory tenants;
    private final TenantSettingsService tenantSettings;
    private final IdentityProvisioning identity;
    private final OnboardingProperties properties;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    AccountLinks(
            AccountTokenRepository tokens,
            TenantDirectory tenants,
            TenantSettingsService tenantSettings,
            IdentityProvisioning identity,
            OnboardingProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.tokens = tokens;
        this.tenants = tenants;
        this.tenantSettings = tenantSettings;
        this.identity = identity;
        this.properties = properties;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Issues a new link for a member of the bound tenant, replacing any unused older one.
     *
     * @return the token for {@code /welcome/<token>}; it is shown once and never stored
     */
    @Transactional
    public String issue(UUID memberId, AccountLinkPurpose purpose) {
        TenantId tenant = TenantContext.require();
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        UUID id = Ids.newId(clock);
        Instant now = clock.instant();
        tokens.supersede(memberId);
        tokens.insert(id, memberId, purpose.dbValue(), sha256(secret), now, now.plus(properties.validityOf(purpose)));
        ByteBuffer token = ByteBuffer.allocate(TOKEN_BYTES);
        token.putLong(tenant.value().getMostSignificantBits())
                .putLong(tenant.value().getLeastSignificantBits());
        token.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        token.put(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /**
     * What the link is for, when it can still be used.
     *
     * @throws AccountLinkUnusableException when it is not ours, altered, replaced, expired or used
     */
    public AccountLinkDetails inspect(String token) {
        Parsed link = parse(token);
        return TenantContext.callAs(
                link.tenant(),
                () -> newTransaction.execute(status -> {
                    status.setRollbackOnly();
                    return details(link, verified(link, false));
                }));
    }

    /**
     * Sets the person's password through Keycloak (which also marks their email verified), uses up
     * the link, and for a signup's link opens the business.
     *
     * @throws AccountLinkUnusableException when the link can't be used (nothing changes)
     * @throws PasswordRejectedException when Keycloak's password policy refuses the password (the
     *     link stays usable)
     */
    public AccountLinkDetails redeem(String token, String password) {
        Parsed link = parse(token);
        return TenantContext.callAs(
                link.tenant(),
                () -> newTransaction.execute(status -> {
                    // Locked: of two concurrent uses of one link, the second finds it used.
                    StoredToken stored = verified(link, true);
                    identity.setPassword(stored.userId(), password);
                    tokens.markUsed(stored.id(), clock.instant());
                    if (stored.purpose() == AccountLinkPurpose.VERIFY_EMAIL) {
                        tenantSettings.activate();
                    }
                    return details(link, stored);
                }));
    }

    private StoredToken verified(Parsed link, boolean lock) {
        StoredToken stored = (lock ? tokens.findForUpdate(link.id()) : tokens.find(link.id()))
                .orElseThrow(() -> new AccountLinkUnusableException(Reason.INVALID));
        if (!MessageDigest.isEqual(stored.secretHash(), sha256(link.secret()))) {
            throw new AccountLinkUnusableException(Reason.INVALID);
        }
        if (stored.usedAt() != null) {
            throw new AccountLinkUnusableException(Reason.USED);
        }
        if (!clock.instant().isBefore(stored.expiresAt())) {
            throw new AccountLinkUnusableException(Reason.EXPIRED);
        }
        return stored;
    }

    private AccountLinkDetails details(Parsed link, StoredToken stored) {
        Tenant tenant =
                tenants.findById(link.tenant()).orElseThrow(() -> new AccountLinkUnusableException(Reason.INVALID));
        return new AccountLinkDetails(
                tenant.id(), tenant.name(), tenant.slug(), stored.email(), stored.displayName(), stored.purpose());
    }

    private static Parsed parse(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new AccountLinkUnusableException(Reason.INVALID);
        }
        if (bytes.length != TOKEN_BYTES) {
            throw new AccountLinkUnusableException(Reason.INVALID);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        TenantId tenant = new TenantId(new UUID(buffer.getLong(), buffer.getLong()));
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        byte[] secret = new byte[SECRET_BYTES];
        buffer.get(secret);
        return new Parsed(tenant, id, secret);
    }

    private static byte[] sha256(byte[] secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private record Parsed(TenantId tenant, UUID id, byte[] secret) {}
}
