package io.loadwise.plans.calendar;

import java.time.LocalDate;

/**
 * An all-day event of a calendar feed.
 *
 * @param uid stable across feeds and rotations, so calendar apps update the event instead of adding one
 * @param sequence increases with each change of the event (the plan revision that last changed it)
 */
public record IcsEvent(
        String uid, LocalDate date, int sequence, String summary, String description, boolean cancelled) {}
