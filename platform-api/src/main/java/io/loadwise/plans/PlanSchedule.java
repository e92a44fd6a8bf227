package io.loadwise.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Places a template's sessions on dates. Week {@code n} of a plan is the seven days from
 * {@code start + 7(n-1)}; a session falls on the first day of its week with its weekday, so a plan
 * may start on any day without losing a session.
 */
public final class PlanSchedule {

    private PlanSchedule() {}

    /**
     * The dated sessions of the phases from {@code firstPhaseKey} on, in the order a client goes
     * through them, starting on {@code start} with week number {@code firstWeekNumber}.
     */
    public static List<ScheduledSession> materialize(
            TemplateContent content, String firstPhaseKey, LocalDate start, int firstWeekNumber) {
        List<ScheduledSession> sessions = new ArrayList<>();
        int week = 0;
        for (Phase phase : content.sequenceFrom(firstPhaseKey)) {
            for (TemplateWeek templateWeek : phase.weeks()) {
                LocalDate weekStart = start.plusWeeks(week);
                int[] positionsByDay = new int[7];
                for (TemplateSession session : templateWeek.sessions()) {
                    LocalDate date = firstOnOrAfter(weekStart, session.day());
                    int dayIndex = (int) (date.toEpochDay() - weekStart.toEpochDay());
                    sessions.add(new ScheduledSession(
                            date, positionsByDay[dayIndex]++, phase.key(), firstWeekNumber + week, session.spec()));
                }
                week++;
            }
        }
        sessions.sort((a, b) -> a.date().equals(b.date())
                ? Integer.compare(a.position(), b.position())
                : a.date().compareTo(b.date()));
        return sessions;
    }

    /** The last day of a plan of {@code weeks} weeks starting on {@code start}. */
    public static LocalDate endDate(LocalDate start, int weeks) {
        return start.plusWeeks(Math.max(weeks, 1)).minusDays(1);
    }

    private static LocalDate firstOnOrAfter(LocalDate from, java.time.DayOfWeek day) {
        int shift = (day.getValue() - from.getDayOfWeek().getValue() + 7) % 7;
        return from.plusDays(shift);
    }
}
