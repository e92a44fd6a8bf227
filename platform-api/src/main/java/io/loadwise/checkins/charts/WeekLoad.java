package io.loadwise.checkins.charts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One week of the load chart.
 *
 * @param weekStart the Monday of the week
 * @param planned sessions planned in the week (cancelled ones aside)
 * @param completed of those, the ones done or partly done
 * @param runMinutes logged minutes of running
 * @param runKm logged kilometres of running
 * @param sessionRpeLoad the sum of RPE × minutes over the week's logged sessions (arbitrary units)
 */
public record WeekLoad(
        LocalDate weekStart, int planned, int completed, int runMinutes, BigDecimal runKm, int sessionRpeLoad) {

    /** Completed of planned, in whole percent; null without planned sessions. */
    public Integer completionPercent() {
        return planned == 0 ? null : Math.round(100f * completed / planned);
    }
}
