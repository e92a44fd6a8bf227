package io.loadwise.messaging;

import io.loadwise.events.TenantEvent;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * Someone wrote in a client's thread. Sent to Kafka keyed by tenant so the others in the thread
 * can be notified. It carries no message text: messages are often about health, and the text
 * stays in the database under row level security instead of sitting in a topic.
 *
 * @param authorRole the author's role in the business: {@code owner}, {@code coach} or {@code client}
 */
@Externalized(MessagePosted.TOPIC)
public record MessagePosted(
        UUID eventId,
        TenantId tenantId,
        ClientId clientId,
        MessageId messageId,
        UUID authorMemberId,
        String authorRole,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.messaging.message-posted";
}
