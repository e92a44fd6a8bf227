package io.loadwise.billing.webhooks.internal;

import org.jspecify.annotations.Nullable;

/** What an admin's replay needs to know about an event. */
public record StoredStripeEventView(
        String id, String type, @Nullable String account, String status) {}
