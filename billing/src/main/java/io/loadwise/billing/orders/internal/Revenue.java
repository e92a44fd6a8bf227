package io.loadwise.billing.orders.internal;

import io.loadwise.billing.orders.MonthlyRevenue;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Monthly takings per currency, in the business's time zone: pure, so it is tested on its own. */
public final class Revenue {

    private Revenue() {}

    /** A paid order: when, in which currency, its total and the platform's fee. */
    public record Paid(Instant paidAt, String currency, long totalMinor, long feeMinor) {}

    /** A refund that went through: when it was made, how much. */
    public record Refunded(Instant at, String currency, long amountMinor) {}

    /**
     * Every month from {@code from} to {@code to} (inclusive), oldest first, once for each currency
     * the business sold or refunded in (and at least its own currency), empty months included.
     */
    public static List<MonthlyRevenue> byMonth(
            List<Paid> paid, List<Refunded> refunds, YearMonth from, YearMonth to, ZoneId zone, String homeCurrency) {
        Set<String> currencies = new TreeSet<>();
        currencies.add(homeCurrency);
        Map<String, long[]> sums = new TreeMap<>();
        for (Paid p : paid) {
            YearMonth month = YearMonth.from(p.paidAt().atZone(zone));
            if (month.isBefore(from) || month.isAfter(to)) {
                continue;
            }
            currencies.add(p.currency());
            long[] sum = sums.computeIfAbsent(key(month, p.currency()), k -> new long[3]);
            sum[0] += p.totalMinor();
            sum[2] += p.feeMinor();
        }
        for (Refunded r : refunds) {
            YearMonth month = YearMonth.from(r.at().atZone(zone));
            if (month.isBefore(from) || month.isAfter(to)) {
                continue;
            }
            currencies.add(r.currency());
            sums.computeIfAbsent(key(month, r.currency()), k -> new long[3])[1] += r.amountMinor();
        }
        List<MonthlyRevenue> result = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            for (String currency : currencies) {
                long[] sum = sums.getOrDefault(key(month, currency), new long[3]);
                result.add(new MonthlyRevenue(month, currency, sum[0], sum[1], sum[2]));
            }
        }
        return result;
    }

    private static String key(YearMonth month, String currency) {
        return month + "/" + currency;
    }
}
