package io.loadwise.checkins;

import io.loadwise.checkins.internal.SessionLogValues;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ranges of what a client enters, checked before anything is stored, so a bad value is a clear
 * message naming the field and never a database constraint error.
 */
public final class CheckInRules {

    public static final int MAX_NOTES = 2000;
    public static final int MAX_DURATION_MINUTES = 1440;
    public static final BigDecimal MAX_DISTANCE_KM = BigDecimal.valueOf(1000);
    public static final BigDecimal MAX_LOAD_KG = BigDecimal.valueOf(1000);
    public static final int MAX_LOADS = 50;
    public static final int MAX_EXERCISE_NAME = 200;
    /** How far back a check-in may be dated: memory of a morning's pain fades quickly. */
    public static final int MAX_DAYS_BACK = 14;
    /** The longest period a list or chart covers. */
    public static final int MAX_PERIOD_DAYS = 366;

    private CheckInRules() {}

    static SessionLogValues log(SessionLogEntry entry) {
        if (entry.outcome() == null) {
            throw new InvalidEntryException("outcome", "Say how the session went: done, partial or skipped.");
        }
        Integer duration =
                range("durationMinutes", "Duration", entry.durationMinutes(), 0, MAX_DURATION_MINUTES, "minutes");
        BigDecimal distance = decimal("distanceKm", "Distance", entry.distanceKm(), MAX_DISTANCE_KM, "km", 2);
        Integer rpe = range("rpe", "RPE", entry.rpe(), 1, 10, "");
        List<LoggedLoad> loads = new ArrayList<>();
        List<LoggedLoad> given = entry.loads() == null ? List.of() : entry.loads();
        if (given.size() > MAX_LOADS) {
            throw new InvalidEntryException("loads", "At most " + MAX_LOADS + " exercises per session.");
        }
        for (int i = 0; i < given.size(); i++) {
            loads.add(load(i, given.get(i)));
        }
        return new SessionLogValues(entry.outcome(), duration, distance, rpe, loads, notes(entry.notes()));
    }

    private static LoggedLoad load(int index, @Nullable LoggedLoad load) {
        String field = "loads[" + index + "]";
        if (load == null || load.exercise() == null || load.exercise().isBlank()) {
            throw new InvalidEntryException(field + ".exercise", "Exercise " + (index + 1) + " needs a name.");
        }
        String name = load.exercise().strip();
        if (name.length() > MAX_EXERCISE_NAME) {
            throw new InvalidEntryException(
                    field + ".exercise", "An exercise name has at most " + MAX_EXERCISE_NAME + " characters.");
        }
        String what = name + ": ";
        Integer sets = range(field + ".sets", what + "sets", load.sets(), 1, 100, "");
        Integer reps = range(field + ".reps", what + "reps", load.reps(), 0, 1000, "");
        Integer hold = range(field + ".holdSeconds", what + "hold", load.holdSeconds(), 0, 3600, "seconds");
        if (reps != null && hold != null) {
            throw new InvalidEntryException(
                    field + ".reps", what + "give reps or a hold time, not both (a hold is one long rep).");
        }
        BigDecimal kg = decimal(field + ".loadKg", what + "load", load.loadKg(), MAX_LOAD_KG, "kg", 2);
        return new LoggedLoad(name, sets, reps, hold, kg);
    }

    /** The check-in's values, validated; {@code date} is already resolved (see {@link #checkInDate}). */
    static CheckInEntry checkIn(CheckInEntry entry) {
        Integer during = range("painDuring", "Pain during activity", entry.painDuring(), 0, 10, "");
        Integer morning = range("morningPain", "Next-morning pain", entry.morningPain(), 0, 10, "");
        Integer stiffness = range("morningStiffness", "Next-morning stiffness", entry.morningStiffness(), 0, 10, "");
        Integer sitting = range("painAfterSitting", "Pain after sitting", entry.painAfterSitting(), 0, 10, "");
        BigDecimal sleep = decimal("sleepHours", "Sleep", entry.sleepHours(), BigDecimal.valueOf(24), "hours", 1);
        if (sleep != null && sleep.multiply(BigDecimal.TWO).stripTrailingZeros().scale() > 0) {
            throw new InvalidEntryException("sleepHours", "Sleep is given in half hours, e.g. 7 or 7.5.");
        }
        if (during == null && morning == null && stiffness == null && sitting == null && sleep == null) {
            throw new InvalidEntryException(
                    "", "A check-in needs at least one value: a pain or stiffness score or your sleep.");
        }
        return new CheckInEntry(
                entry.date(), during, morning, stiffness, sitting, sleep, notes(entry.notes()), entry.session());
    }

    /**
     * The day a check-in is about: today when none is given; never in the future, at most {@value
     * #MAX_DAYS_BACK} days back, and not before the client's plan started.
     */
    static LocalDate checkInDate(@Nullable LocalDate given, LocalDate today, @Nullable LocalDate planStart) {
        LocalDate date = given == null ? today : given;
        if (date.isAfter(today)) {
            throw new InvalidEntryException("date", "A check-in can't be dated in the future (" + date + ").");
        }
        if (date.isBefore(today.minusDays(MAX_DAYS_BACK))) {
            throw new InvalidEntryException(
                    "date", "A check-in can be at most " + MAX_DAYS_BACK + " days back (" + date + " is older).");
        }
        if (planStart != null && date.isBefore(planStart)) {
            throw new InvalidEntryException(
                    "date", "The date " + date + " is outside your plan, which starts on " + planStart + ".");
        }
        return date;
    }

    /** A period of a list or chart: {@code from} not after {@code to}, at most a year. */
    public static void period(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must not be after 'to' (" + to + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_PERIOD_DAYS) {
            throw new IllegalArgumentException("A period covers at most " + MAX_PERIOD_DAYS + " days.");
        }
    }

    private static String notes(@Nullable String notes) {
        String text = notes == null ? "" : notes.strip();
        int length = text.codePointCount(0, text.length());
        if (length > MAX_NOTES) {
            throw new InvalidEntryException(
                    "notes", "Notes have at most " + MAX_NOTES + " characters; these have " + length + ".");
        }
        return text;
    }

    private static @Nullable Integer range(
            String field, String label, @Nullable Integer value, int min, int max, String unit) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidEntryException(
                    field,
                    label + " must be between " + min + " and " + max + (unit.isEmpty() ? "" : " " + unit) + " (was "
                            + value + ").");
        }
        return value;
    }

    private static @Nullable BigDecimal decimal(
            String field, String label, @Nullable BigDecimal value, BigDecimal max, String unit, int scale) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            throw new InvalidEntryException(
                    field,
                    label + " must be between 0 and " + max.toPlainString() + " " + unit + " (was "
                            + value.toPlainString() + ").");
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw new InvalidEntryException(
                    field, label + " has at most " + scale + " decimal place" + (scale == 1 ? "" : "s") + ".");
        }
        return value;
    }
}
