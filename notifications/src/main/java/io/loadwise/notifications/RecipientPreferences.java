package io.loadwise.notifications;

import io.loadwise.tenancy.TenantId;

/**
 * What the unsubscribe link needs from preferences (the preferences feature implements it). Runs as
 * the given tenant, without a signed-in user: the caller has verified the link's signature.
 */
public interface RecipientPreferences {

    /**
     * Switches one type's email off for a recipient.
     *
     * @throws IllegalArgumentException for a transactional type, which can't be switched off
     */
    void unsubscribe(TenantId tenant, String email, NotificationType type);
}
