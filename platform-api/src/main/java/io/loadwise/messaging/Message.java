package io.loadwise.messaging;

import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.util.UUID;

/**
 * One message of a client's thread.
 *
 * @param body exactly as written (apart from surrounding whitespace): plain text, never markup;
 *     every view shows it as text
 * @param fromMe whether the person reading the thread wrote it
 */
public record Message(
        MessageId id,
        ClientId clientId,
        UUID authorMemberId,
        String authorName,
        AuthorRole authorRole,
        String body,
        Instant createdAt,
        boolean fromMe) {}
