package io.loadwise.notifications;

import org.jspecify.annotations.Nullable;

/**
 * A mail ready to send.
 *
 * @param senderName the display name of the From address (the business's name)
 * @param unsubscribeUrl the signed one-click unsubscribe address (RFC 8058) for the {@code
 *     List-Unsubscribe} header; null for transactional mail, which can't be switched off
 */
public record RenderedMail(
        String subject,
        String text,
        String html,
        String senderName,
        @Nullable String unsubscribeUrl) {}
