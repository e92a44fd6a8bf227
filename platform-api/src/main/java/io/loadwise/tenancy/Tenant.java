package io.loadwise.tenancy;

import org.jspecify.annotations.Nullable;

/** A coaching business as its storefront and its people see it. */
public record Tenant(
        TenantId id,
        String slug,
        String name,
        String currency,
        String timeZone,
        String locale,
        @Nullable String brandColor) {}
