package io.loadwise.notifications.inbox.internal;

import io.loadwise.notifications.inbox.InboxListener;
import io.loadwise.notifications.inbox.InboxSubscription;
import io.loadwise.tenancy.TenantId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The open UIs of this instance that want to hear about a member's inbox, by tenant and member. */
@Component
public class InboxListenerRegistry {

    private static final Logger log = LoggerFactory.getLogger(InboxListenerRegistry.class);

    private final Map<Key, Set<InboxListener>> listeners = new ConcurrentHashMap<>();

    public InboxSubscription register(TenantId tenant, UUID member, InboxListener listener) {
        Key key = new Key(tenant, member);
        listeners.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(key, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    public boolean hasListeners(TenantId tenant, UUID member) {
        return listeners.containsKey(new Key(tenant, member));
    }

    /** Every member with a listener here, e.g. to bring them up to date after a missed signal. */
    public Set<Key> members() {
        return Set.copyOf(listeners.keySet());
    }

    /** Tells each listener; one that fails (a closed UI) does not keep the others from hearing. */
    public void deliver(TenantId tenant, UUID member, long unread) {
        for (InboxListener listener : listeners.getOrDefault(new Key(tenant, member), Set.of())) {
            try {
                listener.unreadChanged(unread);
            } catch (RuntimeException e) {
                log.warn("An inbox listener failed for member {} of tenant {}", member, tenant, e);
            }
        }
    }

    public record Key(TenantId tenant, UUID member) {}
}
