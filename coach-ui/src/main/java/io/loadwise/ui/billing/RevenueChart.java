package io.loadwise.ui.billing;

import io.loadwise.billing.orders.MonthlyRevenue;
import io.loadwise.shared.Svg;
import io.loadwise.ui.Money;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * A business's takings per month in one currency as grouped bars: gross sales, refunds, and net
 * (gross − refunds − platform fees). Net can be negative (a refund in a quiet month), so the scale
 * runs below zero when it needs to.
 */
final class RevenueChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 340;
    private static final double LEFT = 84;
    private static final double RIGHT = WIDTH - 16;
    private static final double TOP = 56;
    private static final double BOTTOM = HEIGHT - 52;

    static final String GROSS = "#1d4ed8";
    static final String REFUNDS = "#b91c1c";
    static final String NET = "#0f766e";
    private static final String AXIS = "stroke=\"#6b7280\" stroke-width=\"1\"";
    private static final String GRID = "stroke=\"#e5e7eb\" stroke-width=\"1\"";
    private static final String LABEL = "fill=\"#374151\"";
    private static final String MUTED = "fill=\"#6b7280\"";

    private RevenueChart() {}

    /** @param months one currency's months, oldest first */
    static String render(String currency, List<MonthlyRevenue> months, Locale locale) {
        String period = months.isEmpty()
                ? ""
                : " from " + monthYear(months.getFirst().month(), locale) + " to "
                        + monthYear(months.getLast().month(), locale);
        boolean empty = months.stream().allMatch(m -> m.grossMinor() == 0 && m.refundedMinor() == 0);
        String title = "Monthly revenue in " + currency + period;
        Svg svg = new Svg(WIDTH, HEIGHT, title, description(currency, months, locale, empty));
        svg.text(
                LEFT,
                24,
                "Monthly revenue (" + currency + ")",
                "start",
                LABEL + " font-size=\"15\" font-weight=\"600\"");
        legend(svg);
        if (empty) {
            svg.line(LEFT, BOTTOM, RIGHT, BOTTOM, AXIS);
            svg.text(
                    (LEFT + RIGHT) / 2,
                    (TOP + BOTTOM) / 2,
                    "No sales yet",
                    "middle",
                    LABEL + " font-size=\"18\" font-weight=\"600\" id=\"empty-state\"");
            svg.text(
                    (LEFT + RIGHT) / 2,
                    (TOP + BOTTOM) / 2 + 22,
                    "Paid orders, refunds and what you keep show here month by month.",
                    "middle",
                    MUTED);
            monthLabels(svg, months, locale);
            return svg.finish();
        }
        long max = niceCeiling(months.stream()
                .mapToLong(m -> Math.max(m.grossMinor(), Math.max(m.refundedMinor(), m.netMinor())))
                .max()
                .orElse(0));
        long lowestNet =
                months.stream().mapToLong(MonthlyRevenue::netMinor).min().orElse(0);
        long min = lowestNet < 0 ? -niceCeiling(-lowestNet) : 0;
        double scale = (BOTTOM - TOP) / (double) (max - min);
        double zero = BOTTOM + min * scale;

        for (long tick : new long[] {max, max / 2, 0, min}) {
            double y = zero - tick * scale;
            svg.line(LEFT, y, RIGHT, y, tick == 0 ? AXIS : GRID);
            svg.text(LEFT - 6, y + 4, Money.format(tick, currency, locale), "end", MUTED + " font-size=\"11\"");
        }
        svg.line(LEFT, TOP, LEFT, BOTTOM, AXIS);

        double slot = (RIGHT - LEFT) / Math.max(1, months.size());
        double bar = Math.min(18, slot * 0.26);
        for (int i = 0; i < months.size(); i++) {
            MonthlyRevenue m = months.get(i);
            double start = LEFT + slot * (i + 0.5) - bar * 1.5 - 1;
            String month = monthYear(m.month(), locale) + ": ";
            bar(
                    svg,
                    start,
                    bar,
                    zero,
                    scale,
                    m.grossMinor(),
                    GROSS,
                    month + "gross " + Money.format(m.grossMinor(), currency, locale));
            bar(
                    svg,
                    start + bar + 1,
                    bar,
                    zero,
                    scale,
                    m.refundedMinor(),
                    REFUNDS,
                    month + "refunds " + Money.format(m.refundedMinor(), currency, locale));
            bar(
                    svg,
                    start + 2 * (bar + 1),
                    bar,
                    zero,
                    scale,
                    m.netMinor(),
                    NET,
                    month + "net " + Money.format(m.netMinor(), currency, locale) + " after refunds and fees of "
                            + Money.format(m.feesMinor(), currency, locale));
        }
        monthLabels(svg, months, locale);
        return svg.finish();
    }

    private static void bar(
            Svg svg, double x, double width, double zero, double scale, long value, String fill, String tooltip) {
        double height = Math.abs(value) * scale;
        svg.rect(x, value >= 0 ? zero - height : zero, width, height, fillOf(fill), tooltip);
    }

    private static void legend(Svg svg) {
        double x = RIGHT - 230;
        String[][] entries = {{GROSS, "gross"}, {REFUNDS, "refunds"}, {NET, "net"}};
        for (String[] entry : entries) {
            svg.rect(x, 15, 10, 10, fillOf(entry[0]));
            svg.text(x + 14, 24, entry[1], "start", LABEL + " font-size=\"11\"");
            x += 76;
        }
    }

    private static void monthLabels(Svg svg, List<MonthlyRevenue> months, Locale locale) {
        double slot = (RIGHT - LEFT) / Math.max(1, months.size());
        for (int i = 0; i < months.size(); i++) {
            YearMonth month = months.get(i).month();
            boolean withYear = i == 0 || month.getMonthValue() == 1;
            String label =
                    month.getMonth().getDisplayName(TextStyle.SHORT, locale) + (withYear ? " " + month.getYear() : "");
            svg.text(LEFT + slot * (i + 0.5), BOTTOM + 18, label, "middle", LABEL + " font-size=\"11\"");
        }
    }

    private static String description(String currency, List<MonthlyRevenue> months, Locale locale, boolean empty) {
        if (empty) {
            return "Gross sales, refunds and net revenue in " + currency + " per month. No sales yet.";
        }
        StringBuilder text = new StringBuilder("Per month in " + currency + ":");
        for (MonthlyRevenue m : months) {
            text.append(' ')
                    .append(monthYear(m.month(), locale))
                    .append(": gross ")
                    .append(Money.format(m.grossMinor(), currency, locale))
                    .append(", refunds ")
                    .append(Money.format(m.refundedMinor(), currency, locale))
                    .append(", fees ")
                    .append(Money.format(m.feesMinor(), currency, locale))
                    .append(", net ")
                    .append(Money.format(m.netMinor(), currency, locale))
                    .append(';');
        }
        return text.toString();
    }

    static String monthYear(YearMonth month, Locale locale) {
        return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(month);
    }

    /** The smallest of 1, 2, 5 × 10^n at or above {@code value} (at least 100 minor units). */
    static long niceCeiling(long value) {
        if (value <= 100) {
            return 100;
        }
        long magnitude = 1;
        while (magnitude * 10 <= value) {
            magnitude *= 10;
        }
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String fillOf(String colour) {
        return "fill=\"" + Svg.escape(colour) + "\"";
    }
}
