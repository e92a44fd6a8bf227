package io.loadwise.onboarding;

import io.loadwise.tenancy.TenantId;

/** What a valid account link is for: whose account, in which business, and why. */
public record AccountLinkDetails(
        TenantId tenant,
        String tenantName,
        String tenantSlug,
        String email,
        String displayName,
        AccountLinkPurpose purpose) {}
