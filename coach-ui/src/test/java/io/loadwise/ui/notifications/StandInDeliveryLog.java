package io.loadwise.ui.notifications;

import io.loadwise.notifications.DeliveryLog;
import io.loadwise.tenancy.TenantId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for the notifications module's delivery log, holding the entries a test puts in and
 * the replays asked for. Only the UI tests that {@code @Import} it use it.
 */
public class StandInDeliveryLog implements DeliveryLog {

    public record Replay(TenantId tenant, UUID notificationId, String reason) {}

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final List<Replay> replays = new CopyOnWriteArrayList<>();

    public void add(Entry entry) {
        entries.add(entry);
    }

    public List<Replay> replays() {
        return List.copyOf(replays);
    }

    public void clear() {
        entries.clear();
        replays.clear();
    }

    @Override
    public List<Entry> entries(TenantId tenant, @Nullable String status, int limit) {
        return entries.stream()
                .filter(e -> e.tenantId().equals(tenant))
                .filter(e -> status == null || status.equals(e.status()))
                .sorted(Comparator.comparing(Entry::createdAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public Counts counts(TenantId tenant) {
        List<Entry> mine = entries(tenant, null, Integer.MAX_VALUE);
        return new Counts(
                count(mine, "sent"),
                count(mine, "pending") + count(mine, "held") + count(mine, "digest"),
                count(mine, "failed"),
                count(mine, "dead"),
                count(mine, "bounced"),
                count(mine, "suppressed"));
    }

    @Override
    public List<Entry> deadLetters(int limit) {
        return entries.stream()
                .filter(e -> e.status().equals("dead"))
                .sorted(Comparator.comparing(Entry::createdAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public void replay(TenantId tenant, UUID notificationId, String reason) {
        Entry dead = entries.stream()
                .filter(e -> e.tenantId().equals(tenant) && e.id().equals(notificationId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No such notification"));
        if (!List.of("dead", "bounced").contains(dead.status())) {
            throw new IllegalStateException("Only dead or bounced mail can be replayed.");
        }
        replays.add(new Replay(tenant, notificationId, reason));
        entries.remove(dead);
        entries.add(new Entry(
                dead.id(),
                dead.tenantId(),
                dead.type(),
                dead.recipientEmail(),
                "pending",
                0,
                dead.subject(),
                null,
                dead.createdAt(),
                null));
    }

    private static long count(List<Entry> entries, String status) {
        return entries.stream().filter(e -> Objects.equals(e.status(), status)).count();
    }
}
