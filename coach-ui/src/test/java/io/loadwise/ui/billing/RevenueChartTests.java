package io.loadwise.ui.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.billing.orders.MonthlyRevenue;
import io.loadwise.ui.ChartImage;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RevenueChartTests {

    @Test
    void each_month_has_gross_refund_and_net_bars_named_for_screen_readers() {
        List<MonthlyRevenue> months = List.of(
                new MonthlyRevenue(YearMonth.of(2025, 12), "USD", 0, 0, 0),
                new MonthlyRevenue(YearMonth.of(2026, 1), "USD", 15800, 2900, 395));

        String svg = RevenueChart.render("USD", months, Locale.US);

        assertThat(svg)
                .contains(
                        "<title id=\"chart-title\">Monthly revenue in USD from December 2025 to January 2026</title>");
        assertThat(svg).contains("role=\"img\"").contains("aria-labelledby=\"chart-title chart-desc\"");
        assertThat(svg).contains("<title>January 2026: gross $158.00</title>");
        assertThat(svg).contains("<title>January 2026: refunds $29.00</title>");
        assertThat(svg).contains("<title>January 2026: net $125.05 after refunds and fees of $3.95</title>");
        assertThat(svg).contains("January 2026: gross $158.00, refunds $29.00, fees $3.95, net $125.05;");
        assertThat(svg).contains(">Dec 2025<").contains(">Jan 2026<");
        assertThat(svg).doesNotContain("empty-state");
    }

    @Test
    void a_month_losing_money_draws_its_net_below_zero() {
        List<MonthlyRevenue> months = List.of(new MonthlyRevenue(YearMonth.of(2026, 2), "EUR", 1000, 5000, 30));

        String svg = RevenueChart.render("EUR", months, Locale.GERMANY);

        assertThat(svg)
                .contains("<title>Februar 2026: net -40,30\u00a0€ after refunds and fees of 0,30\u00a0€</title>");
        assertThat(svg).contains(">-50,00\u00a0€<");
    }

    @Test
    void without_sales_the_chart_says_so() {
        List<MonthlyRevenue> months = List.of(
                new MonthlyRevenue(YearMonth.of(2026, 1), "USD", 0, 0, 0),
                new MonthlyRevenue(YearMonth.of(2026, 2), "USD", 0, 0, 0));

        String svg = RevenueChart.render("USD", months, Locale.US);

        assertThat(svg).contains("id=\"empty-state\"").contains("No sales yet");
        assertThat(ChartImage.altText(svg)).isEqualTo("Monthly revenue in USD from January 2026 to February 2026");
    }

    @Test
    void axis_maxima_are_round_numbers() {
        assertThat(RevenueChart.niceCeiling(15800)).isEqualTo(20000);
        assertThat(RevenueChart.niceCeiling(40)).isEqualTo(100);
        assertThat(RevenueChart.niceCeiling(50000)).isEqualTo(50000);
        assertThat(RevenueChart.niceCeiling(50001)).isEqualTo(100000);
    }
}
