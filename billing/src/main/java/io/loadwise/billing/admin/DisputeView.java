package io.loadwise.billing.admin;

import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A dispute on any business's account, for platform admins. */
public record DisputeView(
        TenantId tenant,
        String tenantName,
        UUID disputeId,
        @Nullable UUID orderId,
        String stripeDisputeId,
        long amountMinor,
        String currency,
        @Nullable String reason,
        String status,
        Instant openedAt,
        @Nullable Instant closedAt) {}
