package io.loadwise.checkins.charts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Shared scales and labels of the charts. */
final class Axes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    static final String AXIS = "stroke=\"#6b7280\" stroke-width=\"1\"";
    static final String GRID = "stroke=\"#e5e7eb\" stroke-width=\"1\"";
    static final String LABEL = "fill=\"#374151\"";
    static final String MUTED = "fill=\"#6b7280\"";

    private Axes() {}

    /** A date for an axis: day and month; with the year on the first label and where the year changes. */
    static String date(LocalDate date, boolean withYear) {
        return (withYear ? DAY_YEAR : DAY).format(date);
    }

    static String longDate(LocalDate date) {
        return DAY_YEAR.format(date);
    }

    /** The smallest of 1, 2, 5 × 10^n at or above {@code value} (at least 1), for an axis maximum. */
    static double niceCeiling(double value) {
        if (value <= 1) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** A number for a label: no decimals when whole, else one. */
    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
