package io.loadwise.checkins.charts;

import io.loadwise.checkins.SessionLog;
import io.loadwise.checkins.SessionOutcome;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.SessionStatus;
import io.loadwise.shared.Svg;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Training load per week, in three bands over the same weeks: planned vs completed sessions with
 * the completion percentage, running minutes (kilometres above each bar), and the session-RPE load
 * (RPE × minutes, Foster's measure of internal load).
 */
public final class LoadChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    private static final double LEFT = 56;
    private static final double RIGHT = WIDTH - 20;
    private static final double BAND_HEIGHT = 92;
    private static final double[] BAND_TOPS = {64, 64 + 128, 64 + 256};
    private static final double AXIS_Y = BAND_TOPS[2] + BAND_HEIGHT;

    private static final String PLANNED = "#cbd5e1";
    private static final String COMPLETED = "#0f766e";
    private static final String RUNNING = "#1d4ed8";
    private static final String LOAD = "#b45309";

    private LoadChart() {}

    /**
     * The weeks (Monday to Sunday) touching {@code from} to {@code to}, from the plan's sessions and
     * the client's logs in that period. A log counts as running when its session is a run, or, for a
     * session no longer in the plan, when it has a distance.
     */
    public static List<WeekLoad> weeks(
            LocalDate from, LocalDate to, List<PlanSession> sessions, List<SessionLog> logs) {
        LocalDate first = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<PlanSessionId, PlanSession> byId = new HashMap<>();
        sessions.forEach(s -> byId.put(s.id(), s));
        List<WeekLoad> weeks = new ArrayList<>();
        for (LocalDate week = first; !week.isAfter(to); week = week.plusWeeks(1)) {
            LocalDate start = week.isBefore(from) ? from : week;
            LocalDate end = week.plusDays(6).isAfter(to) ? to : week.plusDays(6);
            int planned = 0;
            int completed = 0;
            for (PlanSession s : sessions) {
                if (!s.date().isBefore(start) && !s.date().isAfter(end) && s.status() != SessionStatus.CANCELLED) {
                    planned++;
                    if (s.status() == SessionStatus.DONE || s.status() == SessionStatus.PARTIAL) {
                        completed++;
                    }
                }
            }
            int minutes = 0;
            BigDecimal km = BigDecimal.ZERO;
            int load = 0;
            for (SessionLog log : logs) {
                if (log.sessionDate().isBefore(start)
                        || log.sessionDate().isAfter(end)
                        || log.outcome() == SessionOutcome.SKIPPED) {
                    continue;
                }
                PlanSession session = byId.get(log.sessionId());
                boolean running = session != null ? session.spec() instanceof RunSession : log.distanceKm() != null;
                if (running) {
                    minutes += log.durationMinutes() == null ? 0 : log.durationMinutes();
                    km = km.add(log.distanceKm() == null ? BigDecimal.ZERO : log.distanceKm());
                }
                if (log.rpe() != null && log.durationMinutes() != null) {
                    load += log.rpe() * log.durationMinutes();
                }
            }
            weeks.add(new WeekLoad(week, planned, completed, minutes, km, load));
        }
        return weeks;
    }

    /** The chart as an SVG document. */
    public static String render(LocalDate from, LocalDate to, List<WeekLoad> weeks) {
        String period = Axes.longDate(from) + " to " + Axes.longDate(to);
        boolean empty =
                weeks.stream().allMatch(w -> w.planned() == 0 && w.runMinutes() == 0 && w.sessionRpeLoad() == 0);
        Svg svg = new Svg(WIDTH, HEIGHT, "Training load per week, " + period, description(weeks, period, empty));
        svg.text(LEFT, 24, "Training load per week", "start", Axes.LABEL + " font-size=\"15\" font-weight=\"600\"");
        if (empty) {
            svg.line(LEFT, AXIS_Y, RIGHT, AXIS_Y, Axes.AXIS);
            svg.text(
                    (LEFT + RIGHT) / 2,
                    HEIGHT / 2.0 - 6,
                    "No sessions yet",
                    "middle",
                    Axes.LABEL + " font-size=\"18\" font-weight=\"600\" id=\"empty-state\"");
            svg.text(
                    (LEFT + RIGHT) / 2,
                    HEIGHT / 2.0 + 16,
                    "Planned and logged sessions show here week by week.",
                    "middle",
                    Axes.MUTED);
            return svg.finish();
        }
        double slot = (RIGHT - LEFT) / weeks.size();
        sessionsBand(svg, weeks, slot);
        band(
                svg,
                1,
                "Running minutes (km above the bars)",
                weeks,
                slot,
                WeekLoad::runMinutes,
                RUNNING,
                w -> w.runKm().signum() == 0 ? "" : w.runKm().setScale(1, RoundingMode.HALF_UP) + " km",
                w -> w.runMinutes() + " min running, "
                        + w.runKm().stripTrailingZeros().toPlainString() + " km");
        band(
                svg,
                2,
                "Session-RPE load (RPE × minutes)",
                weeks,
                slot,
                WeekLoad::sessionRpeLoad,
                LOAD,
                w -> w.sessionRpeLoad() == 0 ? "" : String.valueOf(w.sessionRpeLoad()),
                w -> "session-RPE load " + w.sessionRpeLoad());
        weekLabels(svg, weeks, slot);
        return svg.finish();
    }

    private static void sessionsBand(Svg svg, List<WeekLoad> weeks, double slot) {
        double top = BAND_TOPS[0];
        double bottom = top + BAND_HEIGHT;
        double max = Axes.niceCeiling(
                weeks.stream().mapToInt(WeekLoad::planned).max().orElse(0));
        bandFrame(svg, top, "Sessions: planned and completed (completion % above)", max);
        double bar = Math.min(22, slot * 0.35);
        for (int i = 0; i < weeks.size(); i++) {
            WeekLoad w = weeks.get(i);
            double centre = LEFT + slot * (i + 0.5);
            String week = "Week of " + Axes.longDate(w.weekStart()) + ": ";
            double plannedHeight = w.planned() / max * BAND_HEIGHT;
            double completedHeight = w.completed() / max * BAND_HEIGHT;
            svg.rect(
                    centre - bar - 1,
                    bottom - plannedHeight,
                    bar,
                    plannedHeight,
                    "fill=\"" + PLANNED + "\"",
                    week + w.planned() + " planned");
            svg.rect(
                    centre + 1,
                    bottom - completedHeight,
                    bar,
                    completedHeight,
                    "fill=\"" + COMPLETED + "\"",
                    week + w.completed() + " completed");
            if (w.completionPercent() != null) {
                svg.text(
                        centre,
                        bottom - Math.max(plannedHeight, completedHeight) - 5,
                        w.completionPercent() + " %",
                        "middle",
                        Axes.LABEL + " font-size=\"11\"");
            }
        }
        double x = RIGHT - 190;
        svg.rect(x, top - 26, 10, 10, "fill=\"" + PLANNED + "\"");
        svg.text(x + 14, top - 17, "planned", "start", Axes.LABEL + " font-size=\"11\"");
        svg.rect(x + 80, top - 26, 10, 10, "fill=\"" + COMPLETED + "\"");
        svg.text(x + 94, top - 17, "completed", "start", Axes.LABEL + " font-size=\"11\"");
    }

    private static void band(
            Svg svg,
            int index,
            String title,
            List<WeekLoad> weeks,
            double slot,
            ToDoubleFunction<WeekLoad> value,
            String colour,
            java.util.function.Function<WeekLoad, String> label,
            java.util.function.Function<WeekLoad, String> tooltip) {
        double top = BAND_TOPS[index];
        double bottom = top + BAND_HEIGHT;
        double max = Axes.niceCeiling(weeks.stream().mapToDouble(value).max().orElse(0));
        bandFrame(svg, top, title, max);
        double bar = Math.min(36, slot * 0.6);
        for (int i = 0; i < weeks.size(); i++) {
            WeekLoad w = weeks.get(i);
            double centre = LEFT + slot * (i + 0.5);
            double height = value.applyAsDouble(w) / max * BAND_HEIGHT;
            svg.rect(
                    centre - bar / 2,
                    bottom - height,
                    bar,
                    height,
                    "fill=\"" + colour + "\"",
                    "Week of " + Axes.longDate(w.weekStart()) + ": " + tooltip.apply(w));
            String text = label.apply(w);
            if (!text.isEmpty()) {
                svg.text(centre, bottom - height - 5, text, "middle", Axes.LABEL + " font-size=\"11\"");
            }
        }
    }

    private static void bandFrame(Svg svg, double top, String title, double max) {
        double bottom = top + BAND_HEIGHT;
        svg.text(LEFT, top - 16, title, "start", Axes.LABEL + " font-weight=\"600\"");
        svg.line(LEFT, top, RIGHT, top, Axes.GRID);
        svg.line(LEFT, (top + bottom) / 2, RIGHT, (top + bottom) / 2, Axes.GRID);
        svg.line(LEFT, bottom, RIGHT, bottom, Axes.AXIS);
        svg.line(LEFT, top, LEFT, bottom, Axes.AXIS);
        svg.text(LEFT - 6, top + 4, Axes.number(max), "end", Axes.MUTED + " font-size=\"11\"");
        svg.text(LEFT - 6, (top + bottom) / 2 + 4, Axes.number(max / 2), "end", Axes.MUTED + " font-size=\"11\"");
        svg.text(LEFT - 6, bottom + 4, "0", "end", Axes.MUTED + " font-size=\"11\"");
    }

    private static void weekLabels(Svg svg, List<WeekLoad> weeks, double slot) {
        int every = weeks.size() > 26 ? 4 : weeks.size() > 13 ? 2 : 1;
        int previousYear = -1;
        for (int i = 0; i < weeks.size(); i += every) {
            LocalDate week = weeks.get(i).weekStart();
            double centre = LEFT + slot * (i + 0.5);
            svg.line(centre, AXIS_Y, centre, AXIS_Y + 5, Axes.AXIS);
            svg.text(centre, AXIS_Y + 18, Axes.date(week, week.getYear() != previousYear), "middle", Axes.LABEL);
            previousYear = week.getYear();
        }
        svg.text((LEFT + RIGHT) / 2, AXIS_Y + 38, "Week starting (Monday)", "middle", Axes.MUTED);
    }

    private static String description(List<WeekLoad> weeks, String period, boolean empty) {
        if (empty) {
            return "Sessions, running and session-RPE load per week from " + period + ". No sessions yet.";
        }
        StringBuilder text = new StringBuilder("Per week from " + period + ":");
        for (WeekLoad w : weeks) {
            text.append(" week of ")
                    .append(Axes.longDate(w.weekStart()))
                    .append(": ")
                    .append(w.completed())
                    .append(" of ")
                    .append(w.planned())
                    .append(" sessions completed, ")
                    .append(w.runMinutes())
                    .append(" minutes and ")
                    .append(w.runKm().stripTrailingZeros().toPlainString())
                    .append(" km running, session-RPE load ")
                    .append(w.sessionRpeLoad())
                    .append(';');
        }
        return text.toString();
    }
}
