package io.loadwise.ui.notifications;

import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.Role;
import io.loadwise.notifications.Channel;
import io.loadwise.notifications.MyNotificationSettings;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.NotificationType.Audience;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for the notifications module's own implementation (kept in memory, per signed-in
 * email) with the interface's rules: transactional types can't be switched off, only English and
 * German, quiet hours both or neither. Only the UI tests that {@code @Import} it use it.
 */
public class StandInNotificationSettings implements MyNotificationSettings {

    private final Map<String, Boolean> switches = new ConcurrentHashMap<>();
    private final Map<String, Settings> settings = new ConcurrentHashMap<>();
    private volatile @Nullable String refuseNext;

    @Override
    public List<Preference> preferences() {
        boolean coach = me().has(Role.COACH);
        List<Preference> preferences = new ArrayList<>();
        for (NotificationType type : NotificationType.values()) {
            boolean concerns = type.audience() == Audience.ANYONE
                    || (coach ? type.audience() == Audience.COACH : type.audience() == Audience.CLIENT);
            if (!concerns || type == NotificationType.DAILY_DIGEST) {
                continue;
            }
            for (Channel channel : Channel.values()) {
                if (channel == Channel.IN_APP && type.emailOnly()) {
                    continue;
                }
                boolean enabled = switches.getOrDefault(key(type, channel), true);
                preferences.add(new Preference(type, channel, enabled, type.transactional()));
            }
        }
        return preferences;
    }

    @Override
    public void set(NotificationType type, Channel channel, boolean enabled) {
        if (type.transactional()) {
            throw new IllegalArgumentException(type.key() + " is always sent and can't be switched off.");
        }
        switches.put(key(type, channel), enabled);
    }

    @Override
    public Settings settings() {
        return settings.getOrDefault(
                email(), new Settings(Locale.ENGLISH, ZoneOffset.UTC, null, null, false, LocalTime.of(7, 0)));
    }

    @Override
    public void save(Settings changed) {
        String refusal = refuseNext;
        if (refusal != null) {
            refuseNext = null;
            throw new IllegalArgumentException(refusal);
        }
        if (!List.of("en", "de").contains(changed.locale().getLanguage())) {
            throw new IllegalArgumentException("Loadwise speaks English and German only.");
        }
        if ((changed.quietStart() == null) != (changed.quietEnd() == null)) {
            throw new IllegalArgumentException("Quiet hours need a start and an end.");
        }
        settings.put(email(), changed);
    }

    /** What the signed-in person switched: null when left at the default. */
    public @Nullable Boolean switched(NotificationType type, Channel channel) {
        return switches.get(key(type, channel));
    }

    /** The next save fails with this message, as a refusal of the real service would. */
    public void refuseNextSave(String message) {
        refuseNext = message;
    }

    private String key(NotificationType type, Channel channel) {
        return email() + "/" + type + "/" + channel;
    }

    private static CurrentUser me() {
        return CurrentUsers.require();
    }

    private static String email() {
        String email = me().email();
        return email == null ? me().userId().toString() : email;
    }
}
