package io.loadwise.tenancy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Everything the owner edits about their business, with the row version for optimistic
 * concurrency (the API's ETag).
 *
 * @param logoUpdatedAt when the logo last changed, or null without a logo (it versions the logo URL)
 */
public record TenantSettings(
        TenantId id,
        String slug,
        String name,
        String currency,
        String timeZone,
        String locale,
        @Nullable String brandColor,
        TenantStatus status,
        int version,
        @Nullable Instant logoUpdatedAt) {}
