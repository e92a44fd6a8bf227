package io.loadwise.notifications.preferences;

import io.loadwise.notifications.Channel;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.preferences.internal.PreferencesRepository;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
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

    public RecipientSettings settings(String email) {
        return repository.settings(email).orElseGet(() -> RecipientSettings.defaults(email));
    }

    /** The channels the recipient switched off for this type; always none for a transactional type. */
    public Set<Channel> switchedOff(String email, NotificationType type) {
        if (type.transactional()) {
            return EnumSet.noneOf(Channel.class);
        }
        return repository.switchedOff(email, type);
    }

    public List<RecipientSettings> digestSubscribers() {
        return repository.digestSubscribers();
    }

    public void markDigested(String email, Instant at) {
        repository.markDigested(email, at);
    }
}
