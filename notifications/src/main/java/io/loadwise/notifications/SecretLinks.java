package io.loadwise.notifications;

import java.util.Optional;

/**
 * Links that are secrets (set a password, download a purchase) are issued when the mail is
 * rendered — at every attempt — so they exist only in the mail: not in the event, Kafka or the
 * notifications table (ADR 0005). The renderer asks every bean of this type; the first that answers
 * gives {@code actionUrl}.
 */
public interface SecretLinks {

    /** @return an absolute URL, or empty when this issuer does not handle the request's type */
    Optional<String> issue(RenderRequest request);
}
