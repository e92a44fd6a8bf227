package io.loadwise.plans.calendar;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A client's live calendar feed.
 *
 * @param path the feed's address below the site root, with its secret; only known right after
 *     creating it (null when read later: the secret is not stored)
 * @param lastReadAt when a calendar app last fetched it
 */
public record CalendarFeed(
        @Nullable String path, Instant createdAt, @Nullable Instant lastReadAt) {}
