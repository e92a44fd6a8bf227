package io.loadwise.tenancy;

import java.time.Instant;

/** A business's logo as stored: a PNG, JPEG or WebP image of at most {@link TenantSettingsService#MAX_LOGO_BYTES}. */
public record TenantLogo(String contentType, byte[] bytes, Instant updatedAt) {}
