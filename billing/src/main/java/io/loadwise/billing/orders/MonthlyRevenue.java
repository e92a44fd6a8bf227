package io.loadwise.billing.orders;

import java.time.YearMonth;

/**
 * A month's takings in one currency: paid orders' totals, refunds in that month, and the
 * platform's fees. Net = gross − refunded − fees.
 */
public record MonthlyRevenue(YearMonth month, String currency, long grossMinor, long refundedMinor, long feesMinor) {

    public long netMinor() {
        return grossMinor - refundedMinor - feesMinor;
    }
}
