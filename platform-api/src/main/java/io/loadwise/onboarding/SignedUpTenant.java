package io.loadwise.onboarding;

import io.loadwise.tenancy.TenantId;

/** A business just signed up: pending until its owner follows the link mailed to them. */
public record SignedUpTenant(TenantId tenantId, String slug, String ownerEmail) {}
