package io.loadwise.notifications.preferences;

import io.loadwise.notifications.Channel;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.preferences.internal.PreferencesRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What delivery asks of preferences while it stores or gathers notifications. Runs in the
 * caller's transaction, as the caller's tenant: no user is signed in there.
 */
@Component
public class PreferenceLookup {

    private final PreferencesRepository repository;

    PreferenceLookup(PreferencesRepository repository) {
        this.repository = repository;
    }

    /** The settings of many recipients in one query: by email, every one of them (defaults where none are stored). */
    public Map<String, RecipientSettings> settings(Collection<String> emails) {
        Map<String, RecipientSettings> stored = repository.settings(emails);
        Map<String, RecipientSettings> all = new HashMap<>();
        for (String email : emails) {
            all.put(email, stored.getOrDefault(email, RecipientSettings.defaults(email)));
        }
        return all;
    }

    /** What many recipients switched off, in one query. */
    public Switches switchedOff(Collection<String> emails) {
        Map<String, Map<NotificationType, Set<Channel>>> off = repository.switchedOff(emails);
        return (email, type) -> type.transactional()
                ? EnumSet.noneOf(Channel.class)
                : off.getOrDefault(email, Map.of()).getOrDefault(type, EnumSet.noneOf(Channel.class));
    }

    /** The switches of the recipients one look-up asked about. */
    @FunctionalInterface
    public interface Switches {
        /** The channels {@code email} switched off for {@code type}; none for a transactional type. */
        Set<Channel> off(String email, NotificationType type);
    }

    public List<RecipientSettings> digestSubscribers() {
        return repository.digestSubscribers();
    }

    public void markDigested(String email, Instant at) {
        repository.markDigested(email, at);
    }
}
