package io.loadwise.billing.orders;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A business's billing as its owner and coaches see it: orders, subscribers, monthly revenue and
 * refunds. Refunds go through Stripe with an idempotency key derived from our refund id; the
 * ledger changes when Stripe's {@code charge.refunded} arrives.
 */
@Service
public class BillingService {

    public OrdersPage orders(@Nullable String cursor, int limit) {
        throw new UnsupportedOperationException("Commerce issue: orders");
    }

    public OrderView order(UUID orderId) {
        throw new UnsupportedOperationException("Commerce issue: orders");
    }

    public List<Subscriber> subscribers() {
        throw new UnsupportedOperationException("Commerce issue: orders");
    }

    /** The last {@code months} months, oldest first, including empty months. */
    public List<MonthlyRevenue> monthlyRevenue(int months) {
        throw new UnsupportedOperationException("Commerce issue: orders");
    }

    /**
     * Owner only: refunds {@code amountMinor} of a paid order (all that is left when null).
     *
     * @throws IllegalArgumentException when the amount is not positive or more than is refundable
     */
    public RefundView refund(UUID orderId, @Nullable Long amountMinor, @Nullable String reason) {
        throw new UnsupportedOperationException("Commerce issue: orders");
    }

    public List<RefundView> refunds(UUID orderId) {
        throw new UnsupportedOperationException("Commerce issue: orders");
    }
}
