package io.loadwise.billing.admin;

import io.loadwise.tenancy.TenantId;

/** One business's sales in a period and currency: what the platform earned on them. */
public record TenantVolume(
        TenantId tenant,
        String tenantName,
        String currency,
        int orders,
        long grossMinor,
        long refundedMinor,
        long feesMinor,
        int openDisputes,
        boolean chargesEnabled) {}
