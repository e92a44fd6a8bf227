package io.loadwise.plans;

import java.time.DayOfWeek;

/** A session of a template week, on a weekday. Several sessions may share a day (in list order). */
public record TemplateSession(DayOfWeek day, SessionSpec spec) {}
