package io.loadwise.messaging.web;

import io.loadwise.messaging.Message;
import io.loadwise.messaging.MessagePage;
import io.loadwise.messaging.MessagingService;
import io.loadwise.messaging.UnreadCounts;
import io.loadwise.roster.ClientId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MessagesController {

    private final MessagingService messaging;

    MessagesController(MessagingService messaging) {
        this.messaging = messaging;
    }

    @GetMapping("/api/v1/clients/{id}/messages")
    @Operation(
            summary = "A client's message thread, newest page first, each page oldest to newest",
            description = "nextCursor fetches the older messages before this page.")
    MessagesPage thread(
            @PathVariable UUID id,
            @Parameter(description = "nextCursor of the previous (newer) page")
                    @RequestParam(required = false)
                    @Nullable
                    String cursor,
            @Parameter(description = "page size, 1-200") @RequestParam(defaultValue = "50") int limit) {
        return MessagesPage.of(messaging.thread(new ClientId(id), cursor, limit));
    }

    @PostMapping("/api/v1/clients/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write to a client as one of their coaches (1 to 10,000 characters of plain text)")
    MessageJson post(@PathVariable UUID id, @RequestBody NewMessage message) {
        return MessageJson.of(messaging.post(new ClientId(id), message.requireBody()));
    }

    @PostMapping("/api/v1/clients/{id}/messages/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark a client's thread read up to its newest message, for the calling coach")
    void markRead(@PathVariable UUID id) {
        messaging.markRead(new ClientId(id));
    }

    @GetMapping("/api/v1/me/messages")
    @Operation(summary = "The signed-in client's thread with their coaches, newest page first")
    MessagesPage myThread(
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int limit) {
        return MessagesPage.of(messaging.myThread(cursor, limit));
    }

    @PostMapping("/api/v1/me/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write to your coaches (1 to 10,000 characters of plain text)")
    MessageJson postMine(@RequestBody NewMessage message) {
        return MessageJson.of(messaging.postMine(message.requireBody()));
    }

    @PostMapping("/api/v1/me/messages/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark the signed-in client's thread read up to its newest message")
    void markMineRead() {
        messaging.markMineRead();
    }

    @GetMapping("/api/v1/messages/unread")
    @Operation(
            summary = "Unread messages of the caller",
            description = "Per thread with unread messages: for a coach the threads they may see, for a client"
                    + " their own.")
    UnreadJson unread() {
        UnreadCounts counts = messaging.unread();
        return new UnreadJson(
                counts.threads().stream()
                        .map(t -> new UnreadThreadJson(t.clientId().value(), t.clientName(), t.unread()))
                        .toList(),
                counts.total());
    }

    record NewMessage(@Nullable String body) {
        String requireBody() {
            if (body == null) {
                throw new IllegalArgumentException("A message needs a 'body'.");
            }
            return body;
        }
    }

    record MessageJson(
            UUID id,
            UUID clientId,
            UUID authorMemberId,
            String authorName,
            String authorRole,
            String body,
            Instant createdAt,
            boolean fromMe) {
        static MessageJson of(Message m) {
            return new MessageJson(
                    m.id().value(),
                    m.clientId().value(),
                    m.authorMemberId(),
                    m.authorName(),
                    m.authorRole().code(),
                    m.body(),
                    m.createdAt(),
                    m.fromMe());
        }
    }

    record MessagesPage(List<MessageJson> items, @Nullable String nextCursor) {
        static MessagesPage of(MessagePage page) {
            return new MessagesPage(
                    page.messages().stream().map(MessageJson::of).toList(), page.olderCursor());
        }
    }

    record UnreadThreadJson(UUID clientId, String clientName, int unread) {}

    record UnreadJson(List<UnreadThreadJson> threads, int total) {}
}
