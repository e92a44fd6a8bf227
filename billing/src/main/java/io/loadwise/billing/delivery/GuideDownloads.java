package io.loadwise.billing.delivery;

import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.delivery.internal.DownloadRepository;
import io.loadwise.billing.delivery.internal.DownloadRepository.GuideEntitlement;
import io.loadwise.billing.delivery.internal.DownloadTokens;
import io.loadwise.roster.ClientAccess;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Signed, expiring download links for guides. The link carries the tenant, the entitlement and an
 * expiry, signed with HMAC-SHA256; {@code GET /downloads/{token}} streams the PDF stamped on every
 * page with the buyer's name, email and order id, and counts the download. A refunded or lost
 * dispute's entitlement is revoked, and its links stop working.
 */
@Service
public class GuideDownloads {

    /** Where links point: {@code {publicUrl}/downloads/{token}}. */
    public static final String PATH_PREFIX = "/downloads/";

    /** The client portal's purchases page, where a buyer gets a fresh link. */
    public static final String PURCHASES_PAGE = "/portal/purchases";

    private final DownloadTokens tokens;
    private final DownloadRepository downloads;
    private final ClientAccess clientAccess;
    private final StripeProperties properties;
    private final Clock clock;

    GuideDownloads(
            DownloadTokens tokens,
            DownloadRepository downloads,
            ClientAccess clientAccess,
            StripeProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.downloads = downloads;
        this.clientAccess = clientAccess;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A fresh link for the signed-in client's own active guide entitlement.
     *
     * @throws NotFoundException when there is no such guide purchase of hers
     * @throws GuideAccessEndedException when it was refunded or lost in a dispute
     */
    public URI linkFor(UUID entitlementId) {
        TenantId tenant = TenantContext.require();
        ClientId me =
                clientAccess.ownClient().orElseThrow(() -> new NotFoundException("guide purchase", entitlementId));
        GuideEntitlement entitlement = downloads
                .guideEntitlement(entitlementId)
                .filter(found -> found.clientId().equals(me.value()))
                .orElseThrow(() -> new NotFoundException("guide purchase", entitlementId));
        if (!entitlement.active()) {
            throw new GuideAccessEndedException(entitlement.guideTitle());
        }
        return link(tenant, entitlement.id());
    }

    /**
     * System use (the checkout success page, mails): a link for the guide an order granted, once
     * the webhook fulfilled it and while it is not revoked. The caller answers for who sees it.
     */
    public Optional<URI> linkForOrder(TenantId tenant, UUID orderId) {
        return TenantContext.callAs(
                tenant,
                () -> downloads.activeGuideEntitlementOfOrder(orderId).map(entitlement -> link(tenant, entitlement)));
    }

    /**
     * System use (receipt mails): as {@link #linkForOrder(TenantId, UUID)}, with a lifetime of the
     * caller's choosing (a mail is read later than a success page).
     */
    public Optional<URI> linkForOrder(TenantId tenant, UUID orderId, Duration lifetime) {
        return TenantContext.callAs(tenant, () -> downloads
                .activeGuideEntitlementOfOrder(orderId)
                .map(entitlement -> link(tenant, entitlement, lifetime)));
    }

    private URI link(TenantId tenant, UUID entitlementId) {
        return link(tenant, entitlementId, properties.downloadLinkLifetime());
    }

    private URI link(TenantId tenant, UUID entitlementId, Duration lifetime) {
        String token = tokens.issue(tenant, entitlementId, clock.instant().plus(lifetime));
        return URI.create(base() + PATH_PREFIX + token);
    }

    private String base() {
        return properties.publicUrl().toString().replaceAll("/+$", "");
    }
}
