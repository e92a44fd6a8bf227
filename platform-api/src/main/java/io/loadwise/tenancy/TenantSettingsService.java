package io.loadwise.tenancy;

import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.internal.TenantRepository;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A business's own settings and branding (name, storefront address, colour, logo, currency, time
 * zone, language), changed by its owner only; and the lifecycle of a tenant row (registered
 * pending by the signup, activated when the owner confirms their email).
 */
@Service
public class TenantSettingsService {

    public static final int MAX_LOGO_BYTES = 512 * 1024;

    private final TenantRepository tenants;

    TenantSettingsService(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public TenantSettings current() {
        TenantId tenant = TenantContext.require();
        requireOwner();
        return tenants.settings(tenant).orElseThrow(TenantContext.NoTenantException::new);
    }

    /**
     * Saves the owner's change when {@code expectedVersion} is still current.
     *
     * @throws InvalidTenantSettingException for a field that is not acceptable (nothing saved)
     * @throws SlugTakenException when another business uses the slug
     * @throws StaleVersionException when someone saved in between
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public TenantSettings update(int expectedVersion, TenantSettingsChange change) {
        TenantId tenant = TenantContext.require();
        requireOwner();
        TenantSettingsChange valid = TenantSettingRules.validated(change);
        if (tenants.slugTakenByAnother(tenant, valid.slug())) {
            throw new SlugTakenException(valid.slug());
        }
        try {
            if (!tenants.update(tenant, expectedVersion, valid)) {
                int current =
                        tenants.settings(tenant).map(TenantSettings::version).orElse(-1);
                throw new StaleVersionException("business's settings", expectedVersion, current);
            }
        } catch (DuplicateKeyException e) {
            throw new SlugTakenException(valid.slug());
        }
        return tenants.settings(tenant).orElseThrow(TenantContext.NoTenantException::new);
    }

    /**
     * Replaces the logo. Only PNG, JPEG and WebP are taken, recognised by their first bytes (a
     * declared content type proves nothing); SVG is refused because it can carry scripts.
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public TenantSettings setLogo(byte[] image) {
        TenantId tenant = TenantContext.require();
        requireOwner();
        if (image.length > MAX_LOGO_BYTES) {
            throw new LogoRejectedException(
                    "The logo is " + image.length / 1024 + " KiB; the limit is " + MAX_LOGO_BYTES / 1024 + " KiB.",
                    true);
        }
        String type = imageType(image)
                .orElseThrow(() -> new LogoRejectedException(
                        "The logo must be a PNG, JPEG or WebP image (SVG is not accepted).", false));
        tenants.saveLogo(tenant, type, image);
        return tenants.settings(tenant).orElseThrow(TenantContext.NoTenantException::new);
    }

    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public TenantSettings removeLogo() {
        TenantId tenant = TenantContext.require();
        requireOwner();
        tenants.deleteLogo(tenant);
        return tenants.settings(tenant).orElseThrow(TenantContext.NoTenantException::new);
    }

    /** Public: the logo a storefront shows. */
    @Transactional(readOnly = true)
    public Optional<TenantLogo> logo(TenantId tenant) {
        return tenants.logo(tenant);
    }

    /** Public: when the storefront logo last changed, or empty without a logo (versions its URL). */
    @Transactional(readOnly = true)
    public Optional<java.time.Instant> logoUpdatedAt(TenantId tenant) {
        return tenants.logoUpdatedAt(tenant);
    }

    /**
     * Adds a business that just signed up, pending until its owner confirms their email. Runs in
     * the caller's transaction, bound to the new tenant.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void registerPending(TenantId tenant, TenantSettingsChange settings) {
        TenantSettingsChange valid = TenantSettingRules.validated(settings);
        try {
            tenants.insertPending(tenant, valid);
        } catch (DuplicateKeyException e) {
            throw new SlugTakenException(valid.slug());
        }
    }

    /** Opens the bound tenant's storefront: its owner confirmed their email. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void activate() {
        tenants.activate(TenantContext.require());
    }

    /** Whether a business uses this storefront address already (public, for the signup form). */
    @Transactional(readOnly = true)
    public boolean isSlugTaken(String slug) {
        return tenants.findBySlug(slug).isPresent();
    }

    private void requireOwner() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        // The authentication's name is the token subject, the Keycloak user id, for the API and the UI.
        @Nullable UUID user = authentication == null ? null : parse(authentication.getName());
        if (user == null || !tenants.isActiveOwner(user)) {
            throw new AccessDeniedException("Only the owner of the business may change its settings.");
        }
    }

    private static @Nullable UUID parse(String name) {
        try {
            return UUID.fromString(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Optional<String> imageType(byte[] image) {
        if (startsWith(image, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (startsWith(image, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(image, 0, new byte[] {'R', 'I', 'F', 'F'})
                && startsWith(image, 8, new byte[] {'W', 'E', 'B', 'P'})) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        return data.length >= offset + prefix.length
                && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
