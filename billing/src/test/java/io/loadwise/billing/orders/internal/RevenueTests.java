package io.loadwise.billing.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.billing.orders.MonthlyRevenue;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevenueTests {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    @Test
    void everyMonthOldestFirstEmptyOnesIncludedOncePerCurrency() {
        List<MonthlyRevenue> months = Revenue.byMonth(
                List.of(
                        new Revenue.Paid(Instant.parse("2026-01-10T10:00:00Z"), "USD", 2900, 145),
                        new Revenue.Paid(Instant.parse("2026-03-05T10:00:00Z"), "USD", 9900, 495),
                        new Revenue.Paid(Instant.parse("2026-03-06T10:00:00Z"), "EUR", 5000, 250)),
                List.of(new Revenue.Refunded(Instant.parse("2026-03-20T10:00:00Z"), "USD", 1000)),
                YearMonth.of(2026, 1),
                YearMonth.of(2026, 3),
                ZoneId.of("UTC"),
                "USD");

        assertThat(months)
                .extracting(m -> m.month() + " " + m.currency())
                .containsExactly(
                        "2026-01 EUR", "2026-01 USD", "2026-02 EUR", "2026-02 USD", "2026-03 EUR", "2026-03 USD");
        MonthlyRevenue march = months.get(5);
        assertThat(march.grossMinor()).isEqualTo(9900);
        assertThat(march.refundedMinor()).isEqualTo(1000);
        assertThat(march.feesMinor()).isEqualTo(495);
        assertThat(march.netMinor()).isEqualTo(9900 - 1000 - 495);
        assertThat(months.get(3).grossMinor()).as("February is empty").isZero();
    }

    @Test
    void monthsRunInTheBusinesssTimeZone() {
        // 31 Jan 20:00 UTC is already 1 Feb in Auckland.
        List<MonthlyRevenue> months = Revenue.byMonth(
                List.of(new Revenue.Paid(Instant.parse("2026-01-31T20:00:00Z"), "NZD", 4000, 200)),
                List.of(),
                YearMonth.of(2026, 1),
                YearMonth.of(2026, 2),
                AUCKLAND,
                "NZD");

        assertThat(months).extracting(MonthlyRevenue::grossMinor).containsExactly(0L, 4000L);
    }

    @Test
    void noSalesAtAllStillListsEveryMonthInTheHomeCurrency() {
        assertThat(Revenue.byMonth(List.of(), List.of(), YearMonth.of(2026, 1), YearMonth.of(2026, 6), AUCKLAND, "NZD"))
                .hasSize(6)
                .allSatisfy(m -> {
                    assertThat(m.currency()).isEqualTo("NZD");
                    assertThat(m.netMinor()).isZero();
                });
    }
}
