package io.loadwise.notifications.inbox;

import io.loadwise.identity.Memberships;
import io.loadwise.notifications.inbox.internal.InboxListenerRegistry;
import io.loadwise.notifications.inbox.internal.InboxRepository;
import io.loadwise.shared.Cursor;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in member's in-app inbox (coaches and clients alike): a member sees their own entries
 * only; anyone else's id answers as if it did not exist. Someone signed in without a membership
 * in the business (yet) has an empty inbox.
 */
@Service
public class Inbox {

    public static final int MAX_PAGE_SIZE = 100;

    private final InboxRepository entries;
    private final InboxListenerRegistry listeners;
    private final Memberships memberships;
    private final Clock clock;

    Inbox(InboxRepository entries, InboxListenerRegistry listeners, Memberships memberships, Clock clock) {
        this.entries = entries;
        this.listeners = listeners;
        this.memberships = memberships;
        this.clock = clock;
    }

    /**
     * The newest entries first, or the ones after {@code cursor} (the {@code nextCursor} of the
     * page before).
     *
     * @throws IllegalArgumentException when {@code limit} is not between 1 and {@value #MAX_PAGE_SIZE}
     * @throws Cursor.InvalidCursorException when the cursor is not one this inbox gave out
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public InboxPage page(@Nullable String cursor, int limit) {
        Optional<Cursor> after = parse(cursor, limit);
        return me().map(member -> entries.page(member, after, limit)).orElseGet(() -> new InboxPage(List.of(), null));
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public long unreadCount() {
        return me().map(entries::unreadCount).orElse(0L);
    }

    /**
     * Opens an entry: it becomes read (an entry already read keeps its first read time).
     *
     * @return the entry, with its link to go to
     * @throws NotFoundException when the signed-in member has no entry with this id
     */
    @Transactional
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public InboxEntry markRead(UUID id) {
        UUID member = me().orElseThrow(() -> notFound(id));
        if (entries.markRead(member, id, clock.instant())) {
            entries.signal(member);
        }
        return entries.find(member, id).orElseThrow(() -> notFound(id));
    }

    /** @return how many entries were unread */
    @Transactional
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public int markAllRead() {
        Optional<UUID> member = me();
        if (member.isEmpty()) {
            return 0;
        }
        int marked = entries.markAllRead(member.get(), clock.instant());
        if (marked > 0) {
            entries.signal(member.get());
        }
        return marked;
    }

    /**
     * Registers {@code listener} for the signed-in member's inbox on this instance: it hears of
     * every new entry and read mark (from any instance) after they commit. Close the subscription
     * when the UI that asked goes away.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public InboxSubscription subscribe(InboxListener listener) {
        TenantId tenant = TenantContext.require();
        return me().map(member -> listeners.register(tenant, member, listener)).orElse(InboxSubscription.NONE);
    }

    private Optional<UUID> me() {
        return memberships.currentMemberId();
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("inbox entry", id);
    }

    private static Optional<Cursor> parse(@Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        return Cursor.decodeTimeAndId(cursor);
    }
}
