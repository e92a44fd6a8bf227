package io.loadwise.billing.connect;

import io.loadwise.tenancy.TenantId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A business's Stripe connected account as we last saw it.
 *
 * @param stripeAccountId null until onboarding started
 * @param requirementsDue what Stripe still needs before charges or payouts are enabled
 */
public record PaymentAccount(
        TenantId tenant,
        @Nullable String stripeAccountId,
        boolean chargesEnabled,
        boolean payoutsEnabled,
        boolean detailsSubmitted,
        List<String> requirementsDue,
        PlatformFee fee) {

    public PaymentAccount {
        requirementsDue = List.copyOf(requirementsDue);
    }

    /** A business can sell only once Stripe enabled charges on its account. */
    public boolean canSell() {
        return stripeAccountId != null && chargesEnabled;
    }
}
