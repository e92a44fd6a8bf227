package io.loadwise.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * Days of a client's plan as the client sees them: today, or the Monday-to-Sunday week containing
 * a date.
 *
 * @param planName the plan's name; the days are empty when the client has no current plan
 * @param phaseName the phase of these days' sessions (the plan's current phase when there are none)
 */
public record PlanDays(
        PlanId planId, String planName, PlanStatus status, String phaseName, LocalDate from, List<Day> days) {

    public PlanDays {
        days = List.copyOf(days);
    }

    public record Day(LocalDate date, List<PlanSession> sessions) {
        public Day {
            sessions = List.copyOf(sessions);
        }
    }
}
