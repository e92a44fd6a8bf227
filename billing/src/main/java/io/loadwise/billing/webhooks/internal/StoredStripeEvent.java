package io.loadwise.billing.webhooks.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An event as kept in the inbox, claimed for processing. */
record StoredStripeEvent(
        String id,
        String endpoint,
        String type,
        @Nullable String account,
        boolean livemode,
        @Nullable String objectId,
        Instant created,
        String payload,
        int attempts) {}
