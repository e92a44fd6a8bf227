package io.loadwise.notifications.inbox.web;

import io.loadwise.notifications.inbox.Inbox;
import io.loadwise.notifications.inbox.InboxEntry;
import io.loadwise.notifications.inbox.InboxPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/v1/me/inbox")
    @Operation(
            summary = "The signed-in member's in-app notifications, newest first",
            description = "nextCursor fetches the older entries after this page; unread counts the whole inbox.")
    InboxPageJson page(
            @Parameter(description = "nextCursor of the previous (newer) page")
                    @RequestParam(required = false)
                    @Nullable
                    String cursor,
            @Parameter(description = "page size, 1-100") @RequestParam(defaultValue = "20") int limit) {
        InboxPage page = inbox.page(cursor, limit);
        return new InboxPageJson(
                page.entries().stream().map(EntryJson::of).toList(), page.nextCursor(), inbox.unreadCount());
    }

    @GetMapping("/api/v1/me/inbox/unread")
    @Operation(summary = "How many in-app notifications the signed-in member has not read")
    UnreadJson unread() {
        return new UnreadJson(inbox.unreadCount());
    }

    @PostMapping("/api/v1/me/inbox/{id}/read")
    @Operation(summary = "Mark one notification read (again: no change); answers the entry with its link")
    EntryJson markRead(@PathVariable UUID id) {
        return EntryJson.of(inbox.markRead(id));
    }

    @PostMapping("/api/v1/me/inbox/read")
    @Operation(summary = "Mark every notification of the signed-in member read")
    MarkedJson markAllRead() {
        return new MarkedJson(inbox.markAllRead());
    }

    record EntryJson(
            UUID id,
            String type,
            String title,
            String body,
            @Nullable String link,
            Instant createdAt,
            @Nullable Instant readAt,
            boolean unread) {
        static EntryJson of(InboxEntry e) {
            return new EntryJson(
                    e.id(), e.type().key(), e.title(), e.body(), e.link(), e.createdAt(), e.readAt(), e.unread());
        }
    }

    record InboxPageJson(List<EntryJson> items, @Nullable String nextCursor, long unread) {}

    record UnreadJson(long unread) {}

    record MarkedJson(int marked) {}
}
