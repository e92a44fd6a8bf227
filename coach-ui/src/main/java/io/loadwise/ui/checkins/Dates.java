package io.loadwise.ui.checkins;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as the check-in pages show them. */
final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private Dates() {}

    static String day(LocalDate date) {
        return DAY.format(date);
    }
}
