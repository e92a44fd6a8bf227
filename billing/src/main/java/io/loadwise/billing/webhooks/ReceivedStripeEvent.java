package io.loadwise.billing.webhooks;

import com.stripe.model.Event;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A verified, stored Stripe event handed to its handler.
 *
 * @param account the connected account it happened on (Connect endpoint); null for the platform's
 * @param objectId the id of {@code data.object}; handlers re-fetch it, since events repeat and
 *     arrive out of order and only the object's current state counts
 * @param tenant the business owning {@code account}; null for platform events
 * @param event the event as stripe-java parsed it
 */
public record ReceivedStripeEvent(
        String id,
        String type,
        @Nullable String account,
        boolean livemode,
        String objectId,
        Instant created,
        @Nullable TenantId tenant,
        Event event) {

    /** The connected account, for handlers of Connect events (which always have one). */
    public String requireAccount() {
        if (account == null) {
            throw new IllegalStateException("Event " + id + " (" + type + ") names no connected account");
        }
        return account;
    }

    public TenantId requireTenant() {
        if (tenant == null) {
            throw new IllegalStateException("Event " + id + " (" + type + ") belongs to no business");
        }
        return tenant;
    }
}
