package io.loadwise.checkins.charts;

import io.loadwise.checkins.CheckIn;
import io.loadwise.shared.Svg;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Pain over time on the pain-monitoring model: pain during activity, next-morning pain and
 * stiffness (0-10) over shaded zones — 0-2 safe, 3-5 acceptable, above 5 too much — with the
 * client's baseline next-morning pain when the plan has one.
 */
public final class PainChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 380;
    private static final double LEFT = 48;
    private static final double RIGHT = WIDTH - 120;
    private static final double TOP = 44;
    private static final double BOTTOM = HEIGHT - 76;

    /** A line of the chart: its name, colour, dash pattern and which value of a check-in it shows. */
    record Series(String name, String colour, String dash, Function<CheckIn, @Nullable Integer> value) {}

    static final List<Series> SERIES = List.of(
            new Series("Pain during activity", "#c2410c", "", CheckIn::painDuring),
            new Series("Next-morning pain", "#1d4ed8", "", CheckIn::morningPain),
            new Series("Next-morning stiffness", "#7c3aed", "6 4", CheckIn::morningStiffness));

    private PainChart() {}

    /**
     * The chart as an SVG document.
     *
     * @param checkIns the check-ins dated {@code from} to {@code to}; several on a day show as that day's highest
     * @param baseline the client's usual next-morning pain, or null
     */
    public static String render(LocalDate from, LocalDate to, List<CheckIn> checkIns, @Nullable Integer baseline) {
        List<Map<LocalDate, Integer>> values = SERIES.stream()
                .map(series -> dailyHighest(checkIns, series.value(), from, to))
                .toList();
        int points = values.stream().mapToInt(Map::size).sum();
        String period = Axes.longDate(from) + " to " + Axes.longDate(to);
        Svg svg = new Svg(WIDTH, HEIGHT, "Pain over time, " + period, description(values, baseline, period));
        svg.text(LEFT, 24, "Pain and stiffness (0-10)", "start", Axes.LABEL + " font-size=\"15\" font-weight=\"600\"");
        zones(svg);
        yAxis(svg);
        xAxis(svg, from, to);
        if (points == 0) {
            svg.text(
                    (LEFT + RIGHT) / 2,
                    (TOP + BOTTOM) / 2 - 6,
                    "No check-ins yet",
                    "middle",
                    Axes.LABEL + " font-size=\"18\" font-weight=\"600\" id=\"empty-state\"");
            svg.text(
                    (LEFT + RIGHT) / 2,
                    (TOP + BOTTOM) / 2 + 16,
                    "Pain scores show here once check-ins are recorded.",
                    "middle",
                    Axes.MUTED);
        } else {
            if (baseline != null) {
                double y = y(baseline);
                svg.line(LEFT, y, RIGHT, y, "stroke=\"#111827\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"");
                svg.text(
                        LEFT + 4,
                        y - 4,
                        "your baseline " + baseline + "/10",
                        "start",
                        "fill=\"#111827\" font-size=\"11\" id=\"baseline\"");
            }
            for (int i = 0; i < SERIES.size(); i++) {
                line(svg, SERIES.get(i), values.get(i), from, to);
            }
        }
        legend(svg, baseline != null && points > 0);
        return svg.finish();
    }

    private static Map<LocalDate, Integer> dailyHighest(
            List<CheckIn> checkIns, Function<CheckIn, @Nullable Integer> value, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> byDay = new TreeMap<>();
        for (CheckIn checkIn : checkIns) {
            Integer v = value.apply(checkIn);
            if (v != null && !checkIn.date().isBefore(from) && !checkIn.date().isAfter(to)) {
                byDay.merge(checkIn.date(), v, Math::max);
            }
        }
        return byDay;
    }

    private static String description(List<Map<LocalDate, Integer>> values, @Nullable Integer baseline, String period) {
        StringBuilder text = new StringBuilder("Scores from 0 to 10 from " + period + ". Zones: 0 to 2 safe, 3 to 5"
                + " acceptable, above 5 too much.");
        boolean any = false;
        for (int i = 0; i < SERIES.size(); i++) {
            Map<LocalDate, Integer> series = values.get(i);
            if (series.isEmpty()) {
                continue;
            }
            any = true;
            LocalDate last = ((TreeMap<LocalDate, Integer>) series).lastKey();
            int highest =
                    series.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            text.append(' ')
                    .append(SERIES.get(i).name())
                    .append(": ")
                    .append(series.size())
                    .append(series.size() == 1 ? " day" : " days")
                    .append(", highest ")
                    .append(highest)
                    .append(", latest ")
                    .append(series.get(last))
                    .append(" on ")
                    .append(Axes.longDate(last))
                    .append('.');
        }
        if (!any) {
            text.append(" No check-ins yet.");
        }
        if (baseline != null) {
            text.append(" Baseline next-morning pain: ").append(baseline).append('.');
        }
        return text.toString();
    }

    private static void zones(Svg svg) {
        // Scores are whole numbers, so the zone borders sit between them: 2|3 and 5|6.
        zone(svg, 0, 2.5, "#16a34a", "safe (0-2)", "zone-safe");
        zone(svg, 2.5, 5.5, "#f59e0b", "acceptable (3-5)", "zone-acceptable");
        zone(svg, 5.5, 10, "#dc2626", "too much (6-10)", "zone-too-much");
    }

    private static void zone(Svg svg, double low, double high, String colour, String label, String id) {
        svg.rect(
                LEFT,
                y(high),
                RIGHT - LEFT,
                y(low) - y(high),
                "id=\"" + id + "\" fill=\"" + colour + "\" fill-opacity=\"0.12\"");
        svg.text(RIGHT + 8, (y(low) + y(high)) / 2 + 4, label, "start", "fill=\"" + colour + "\" font-size=\"11\"");
    }

    private static void yAxis(Svg svg) {
        for (int v = 0; v <= 10; v += 2) {
            svg.line(LEFT, y(v), RIGHT, y(v), Axes.GRID + " stroke-opacity=\"0.6\"");
            svg.text(LEFT - 8, y(v) + 4, String.valueOf(v), "end", Axes.LABEL);
        }
        svg.line(LEFT, TOP, LEFT, BOTTOM, Axes.AXIS);
    }

    private static void xAxis(Svg svg, LocalDate from, LocalDate to) {
        svg.line(LEFT, BOTTOM, RIGHT, BOTTOM, Axes.AXIS);
        long days = ChronoUnit.DAYS.between(from, to);
        long step = 1;
        for (long candidate : new long[] {1, 2, 7, 14, 28, 56, 91}) {
            step = candidate;
            if (days / candidate <= 9) {
                break;
            }
        }
        int previousYear = -1;
        for (LocalDate tick = from; !tick.isAfter(to); tick = tick.plusDays(step)) {
            double x = x(tick, from, to);
            svg.line(x, BOTTOM, x, BOTTOM + 5, Axes.AXIS);
            svg.text(x, BOTTOM + 18, Axes.date(tick, tick.getYear() != previousYear), "middle", Axes.LABEL);
            previousYear = tick.getYear();
        }
    }

    private static void line(Svg svg, Series series, Map<LocalDate, Integer> values, LocalDate from, LocalDate to) {
        if (values.isEmpty()) {
            return;
        }
        String style = "stroke=\"" + series.colour() + "\" stroke-width=\"2.5\" stroke-linejoin=\"round\""
                + (series.dash().isEmpty() ? "" : " stroke-dasharray=\"" + series.dash() + "\"");
        List<double[]> points = new ArrayList<>();
        values.forEach((date, value) -> points.add(new double[] {x(date, from, to), y(value)}));
        svg.group("class=\"series\" data-series=\"" + Svg.escape(series.name()) + "\"");
        if (points.size() > 1) {
            svg.polyline(points.toArray(double[][]::new), style);
        }
        values.forEach((date, value) -> svg.circle(
                x(date, from, to),
                y(value),
                3.5,
                "fill=\"" + series.colour() + "\"",
                series.name() + " on " + Axes.longDate(date) + ": " + value + "/10"));
        svg.end();
    }

    private static void legend(Svg svg, boolean withBaseline) {
        double x = LEFT;
        double y = HEIGHT - 24;
        for (Series series : SERIES) {
            svg.line(
                    x,
                    y - 4,
                    x + 22,
                    y - 4,
                    "stroke=\"" + series.colour() + "\" stroke-width=\"2.5\""
                            + (series.dash().isEmpty() ? "" : " stroke-dasharray=\"" + series.dash() + "\""));
            svg.text(x + 28, y, series.name(), "start", Axes.LABEL);
            x += 40 + series.name().length() * 6.6;
        }
        if (withBaseline) {
            svg.line(x, y - 4, x + 22, y - 4, "stroke=\"#111827\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"");
            svg.text(x + 28, y, "Baseline morning pain", "start", Axes.LABEL);
        }
    }

    private static double y(double value) {
        return BOTTOM - value / 10 * (BOTTOM - TOP);
    }

    private static double x(LocalDate date, LocalDate from, LocalDate to) {
        long days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        return LEFT + (double) ChronoUnit.DAYS.between(from, date) / days * (RIGHT - LEFT);
    }
}
