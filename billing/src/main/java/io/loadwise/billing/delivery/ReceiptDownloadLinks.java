package io.loadwise.billing.delivery;

import io.loadwise.commerce.DownloadLinks;
import io.loadwise.tenancy.TenantId;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The download link a receipt mail carries, for modules that can't see billing (notifications).
 * The link is signed like every other; a refund or lost dispute is checked at download time, so a
 * long-lived mailed link still stops working when the purchase is revoked.
 */
@Component
class ReceiptDownloadLinks implements DownloadLinks {

    private final GuideDownloads downloads;

    ReceiptDownloadLinks(GuideDownloads downloads) {
        this.downloads = downloads;
    }

    @Override
    public Optional<String> issue(TenantId tenant, UUID orderId, Duration lifetime) {
        return downloads.linkForOrder(tenant, orderId, lifetime).map(URI::toString);
    }
}
