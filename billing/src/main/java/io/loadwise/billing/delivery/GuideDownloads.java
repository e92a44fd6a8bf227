package io.loadwise.billing.delivery;

import java.net.URI;
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

    /** A fresh link for the signed-in client's own active guide entitlement. */
    public URI linkFor(UUID entitlementId) {
        throw new UnsupportedOperationException("Commerce issue: delivery");
    }
}
