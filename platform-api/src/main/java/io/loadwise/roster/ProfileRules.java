package io.loadwise.roster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules a profile's values follow, in one place for the API and the forms: each method returns
 * the normalized value or throws {@link IllegalArgumentException} with a message a person can act on.
 */
public final class ProfileRules {

    public static final int MAX_TAGS = 20;
    public static final int MAX_TAG_LENGTH = 40;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_GOAL_LENGTH = 500;
    public static final int MAX_RACES_LENGTH = 2000;
    public static final int MAX_CONDITION_LENGTH = 200;
    public static final int MAX_INJURY_NOTES_LENGTH = 2000;
    public static final int MAX_NOTE_LENGTH = 10000;
    public static final BigDecimal MAX_WEEKLY_VOLUME_KM = new BigDecimal("1000");

    private ProfileRules() {}

    public static String displayName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A client needs a name.");
        }
        return limited(name.trim(), MAX_NAME_LENGTH, "The name");
    }

    /** Trimmed, lower-cased, without duplicates; at most {@value #MAX_TAGS}. */
    public static List<String> tags(@Nullable List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> normalized = new LinkedHashSet<>();
        for (String t : tags) {
            normalized.add(tag(t));
        }
        if (normalized.size() > MAX_TAGS) {
            throw new IllegalArgumentException(
                    "A client can have at most " + MAX_TAGS + " tags, not " + normalized.size() + ".");
        }
        return new ArrayList<>(normalized);
    }

    public static String tag(@Nullable String tag) {
        String normalized = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("A tag cannot be empty.");
        }
        if (normalized.length() > MAX_TAG_LENGTH) {
            throw new IllegalArgumentException(
                    "The tag '" + normalized + "' is longer than " + MAX_TAG_LENGTH + " characters.");
        }
        return normalized;
    }

    public static @Nullable String goal(@Nullable String goal) {
        return optionalText(goal, MAX_GOAL_LENGTH, "The goal");
    }

    public static @Nullable String races(@Nullable String races) {
        return optionalText(races, MAX_RACES_LENGTH, "The races");
    }

    /** Kilometres a week, 0 to 1000, kept to one decimal. */
    public static @Nullable BigDecimal weeklyVolumeKm(@Nullable BigDecimal km) {
        if (km == null) {
            return null;
        }
        if (km.signum() < 0 || km.compareTo(MAX_WEEKLY_VOLUME_KM) > 0) {
            throw new IllegalArgumentException(
                    "The weekly volume must be between 0 and 1000 km, not " + km.toPlainString() + ".");
        }
        return km.setScale(1, RoundingMode.HALF_UP);
    }

    public static InjuryDetails injury(InjuryDetails injury, LocalDate today) {
        if (injury.condition() == null || injury.condition().isBlank()) {
            throw new IllegalArgumentException("An injury needs a condition, e.g. 'proximal hamstring tendinopathy'.");
        }
        if (injury.side() == null) {
            throw new IllegalArgumentException("An injury needs a side: left, right, both or none.");
        }
        if (injury.since() != null && injury.since().isAfter(today)) {
            throw new IllegalArgumentException(
                    "An injury cannot start in the future (since " + injury.since() + ", today is " + today + ").");
        }
        if (injury.resolvedOn() != null
                && injury.since() != null
                && injury.resolvedOn().isBefore(injury.since())) {
            throw new IllegalArgumentException("An injury cannot be resolved (" + injury.resolvedOn()
                    + ") before it started (" + injury.since() + ").");
        }
        return new InjuryDetails(
                limited(injury.condition().trim(), MAX_CONDITION_LENGTH, "The condition"),
                injury.side(),
                injury.since(),
                injury.resolvedOn(),
                optionalText(injury.notes(), MAX_INJURY_NOTES_LENGTH, "The injury notes"));
    }

    public static String note(@Nullable String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("A note cannot be empty.");
        }
        return limited(body.strip(), MAX_NOTE_LENGTH, "A note");
    }

    private static @Nullable String optionalText(@Nullable String text, int max, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return limited(text.trim(), max, what);
    }

    private static String limited(String text, int max, String what) {
        if (text.length() > max) {
            throw new IllegalArgumentException(
                    what + " is " + text.length() + " characters long; at most " + max + " are allowed.");
        }
        return text;
    }
}
