package io.loadwise.commerce;

import io.loadwise.tenancy.TenantId;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues a download link for what an order bought (a guide), for mails that hand it over.
 * Billing implements it; modules that must not depend on billing (notifications) ask for it
 * optionally: without a bean, they link to the buyer's purchases page instead.
 */
public interface DownloadLinks {

    /**
     * @param lifetime how long the link works; the entitlement is still checked at every download,
     *     so a refund or lost dispute ends it sooner
     * @return an absolute URL; empty when the order granted no (or no longer an) active guide
     */
    Optional<String> issue(TenantId tenant, UUID orderId, Duration lifetime);
}
