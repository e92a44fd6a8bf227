package io.loadwise.plans;

import java.time.LocalDate;

/**
 * A session of a template placed on a date.
 *
 * @param position order among the sessions of the same date
 * @param weekNumber 1-based week of the plan (counted from the plan's start, across phases)
 */
public record ScheduledSession(LocalDate date, int position, String phaseKey, int weekNumber, SessionSpec spec) {}
