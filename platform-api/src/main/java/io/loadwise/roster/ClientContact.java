package io.loadwise.roster;

import org.jspecify.annotations.Nullable;

/**
 * Whom to tell about a client: the client and their lead coach (or, without one, the business's
 * first owner), for notifications.
 *
 * @param coachEmail null when the business has nobody to tell (no lead coach and no active owner)
 */
public record ClientContact(
        ClientId clientId,
        String clientName,
        String clientEmail,
        @Nullable String coachName,
        @Nullable String coachEmail) {}
