package io.loadwise.notifications;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The signed-in member's own preferences (the preferences page and its API). */
public interface MyNotificationSettings {

    /** @param locked transactional: shown, always on */
    record Preference(NotificationType type, Channel channel, boolean enabled, boolean locked) {}

    /**
     * @param quietStart with quietEnd, local times when non-urgent mail waits (null: none)
     * @param dailyDigest coaches: non-urgent notifications come as one mail a day at {@code digestAt}
     */
    record Settings(
            Locale locale,
            ZoneId zone,
            @Nullable LocalTime quietStart,
            @Nullable LocalTime quietEnd,
            boolean dailyDigest,
            LocalTime digestAt) {}

    /** One type's channel switched on or off. */
    record Switch(NotificationType type, Channel channel, boolean enabled) {}

    /** The types that concern the member's role, each with its channels. */
    List<Preference> preferences();

    /** @throws IllegalArgumentException for a transactional type */
    void set(NotificationType type, Channel channel, boolean enabled);

    Settings settings();

    /**
     * The time zone the member reads times in: the one they saved, else the business's (also for
     * someone signed in without a membership yet).
     */
    ZoneId timeZone();

    /** @throws IllegalArgumentException for an unsupported language, unknown zone or half-set quiet hours */
    void save(Settings settings);

    /**
     * Saves settings (when given) and switches in one transaction: all of it, or, when one part is
     * refused, nothing.
     *
     * @param settings null: the settings stay as they are
     * @throws IllegalArgumentException for what {@link #save} or {@link #set} refuse
     */
    void update(@Nullable Settings settings, List<Switch> switches);
}
