package io.loadwise.notifications.templates.internal;

import io.loadwise.tenancy.TenantId;

/** Finds how a business looks in its mails. */
@FunctionalInterface
public interface Brands {

    /** @throws IllegalStateException when there is no such business */
    Brand of(TenantId tenant);
}
