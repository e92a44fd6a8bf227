package io.loadwise.notifications.preferences.web;

import io.loadwise.notifications.Channel;
import io.loadwise.notifications.MyNotificationSettings;
import io.loadwise.notifications.NotificationType;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in member's notification preferences and settings. */
@RestController
@RequestMapping("/api/v1/me/notification-preferences")
@Tag(name = "Notification preferences", description = "What the signed-in member is notified of, and how")
class PreferencesController {

    private final MyNotificationSettings preferences;

    PreferencesController(MyNotificationSettings preferences) {
        this.preferences = preferences;
    }

    /** Types as their keys ({@code plan-adjusted}), channels as {@code email} / {@code in_app}, times as HH:mm. */
    record PreferenceJson(String type, String channel, boolean enabled, boolean locked) {}

    record SettingsJson(
            @Nullable String locale,
            @Nullable String timeZone,
            @Nullable String quietStart,
            @Nullable String quietEnd,
            @Nullable Boolean dailyDigest,
            @Nullable String digestAt) {}

    record PreferencesJson(SettingsJson settings, List<PreferenceJson> preferences) {}

    record SwitchJson(
            @Nullable String type,
            @Nullable String channel,
            @Nullable Boolean enabled) {}

    /** Either part may be left out; switches not listed stay as they are. */
    record UpdateJson(
            @Nullable SettingsJson settings, @Nullable List<SwitchJson> preferences) {}

    @GetMapping
    @Operation(summary = "The member's settings and, per type that concerns them, each channel on or off")
    PreferencesJson get() {
        MyNotificationSettings.Settings s = preferences.settings();
        return new PreferencesJson(
                new SettingsJson(
                        s.locale().toLanguageTag(),
                        s.zone().getId(),
                        s.quietStart() == null ? null : s.quietStart().toString(),
                        s.quietEnd() == null ? null : s.quietEnd().toString(),
                        s.dailyDigest(),
                        s.digestAt().toString()),
                preferences.preferences().stream()
                        .map(p -> new PreferenceJson(p.type().key(), p.channel().column(), p.enabled(), p.locked()))
                        .toList());
    }

    @PutMapping
    @Operation(
            summary = "Change settings and switches",
            description = "400 problem (invalid-notification-preferences) for a transactional type, an"
                    + " unsupported language (en, de), an unknown time zone or quiet hours with only one end.")
    PreferencesJson put(@RequestBody UpdateJson update) {
        // Everything is read before anything changes, and all of it is saved in one transaction.
        MyNotificationSettings.Settings settings = null;
        if (update.settings() != null) {
            settings = settings(update.settings(), preferences.settings());
        }
        List<MyNotificationSettings.Switch> switches = new ArrayList<>();
        for (SwitchJson s : update.preferences() == null ? List.<SwitchJson>of() : update.preferences()) {
            NotificationType type = type(s.type());
            if (type.transactional()) {
                throw new IllegalArgumentException(type.key() + " is transactional and can't be switched off.");
            }
            Channel channel = channel(s.channel());
            if (s.enabled() == null) {
                throw new IllegalArgumentException("Each preference needs 'enabled' (true or false).");
            }
            switches.add(new MyNotificationSettings.Switch(type, channel, s.enabled()));
        }
        preferences.update(settings, switches);
        return get();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "Invalid notification preferences",
                e.getMessage(),
                "invalid-notification-preferences");
    }

    private static MyNotificationSettings.Settings settings(
            SettingsJson json, MyNotificationSettings.Settings current) {
        Locale locale = json.locale() == null ? current.locale() : Locale.forLanguageTag(json.locale());
        if (json.locale() != null && locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("'" + json.locale() + "' is not a language tag like en or de.");
        }
        ZoneId zone = current.zone();
        if (json.timeZone() != null) {
            try {
                zone = ZoneId.of(json.timeZone());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "'" + json.timeZone() + "' is not a time zone: use one like Europe/Berlin.");
            }
        }
        return new MyNotificationSettings.Settings(
                locale,
                zone,
                time(json.quietStart(), "quietStart"),
                time(json.quietEnd(), "quietEnd"),
                json.dailyDigest() == null ? current.dailyDigest() : json.dailyDigest(),
                json.digestAt() == null ? current.digestAt() : time(json.digestAt(), "digestAt"));
    }

    private static @Nullable LocalTime time(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a time like 22:00.");
        }
    }

    private static NotificationType type(@Nullable String key) {
        try {
            return NotificationType.fromKey(key == null ? "" : key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown notification type '" + key + "'.");
        }
    }

    private static Channel channel(@Nullable String column) {
        try {
            return Channel.fromColumn(column == null ? "" : column);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown channel '" + column + "': use email or in_app.");
        }
    }
}
