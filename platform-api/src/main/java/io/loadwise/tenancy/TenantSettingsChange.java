package io.loadwise.tenancy;

import org.jspecify.annotations.Nullable;

/** What the owner submits on the settings page; every field is validated by {@link TenantSettingsService}. */
public record TenantSettingsChange(
        String name, String slug, @Nullable String brandColor, String currency, String timeZone, String locale) {}
