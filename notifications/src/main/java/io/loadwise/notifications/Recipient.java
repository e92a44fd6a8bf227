package io.loadwise.notifications;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who a notification is for, within its business.
 *
 * @param email where mail goes (stored lower-case); also the key of their preferences
 * @param memberId the inbox owner; null for someone without an account (a guest buyer, a lead):
 *     they get email only
 */
public record Recipient(String email, String name, @Nullable UUID memberId) {

    public Recipient {
        email = email.strip().toLowerCase(Locale.ROOT);
    }
}
