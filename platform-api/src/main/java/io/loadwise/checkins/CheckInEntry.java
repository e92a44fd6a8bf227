package io.loadwise.checkins;

import io.loadwise.plans.PlanSessionId;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A symptom check-in as the client enters it, before validation.
 *
 * @param date the day it is about; null: today (in the business's time zone)
 * @param sleepHours 0-24 in half hours
 * @param session the session it is about, optional
 */
public record CheckInEntry(
        @Nullable LocalDate date,
        @Nullable Integer painDuring,
        @Nullable Integer morningPain,
        @Nullable Integer morningStiffness,
        @Nullable Integer painAfterSitting,
        @Nullable BigDecimal sleepHours,
        @Nullable String notes,
        @Nullable PlanSessionId session) {}
