package io.loadwise.billing.connect;

import io.loadwise.tenancy.TenantId;

/**
 * Stripe enabled charges on a business's account (onboarding finished): products saved before
 * can now be synced and sold. Published in-process after the account row was updated.
 */
public record ChargesEnabled(TenantId tenant, String stripeAccountId) {}
