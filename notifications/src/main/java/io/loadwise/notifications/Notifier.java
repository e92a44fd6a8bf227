package io.loadwise.notifications;

import java.util.List;

/**
 * Turns a consumer's request into stored notifications, one per channel the recipient gets (email;
 * in-app when they have an account), unless their preferences say no. Idempotent: a request whose
 * dedupe key (event, type, recipient, channel) was stored before stores nothing. Call it inside the
 * consumer; it joins or opens a transaction as the request's tenant.
 */
public interface Notifier {

    /** @return the notifications stored now (0 when all were stored before or switched off) */
    default int notify(NotificationRequest request) {
        return notifyAll(List.of(request));
    }

    /**
     * Stores many requests of one business together: the recipients' preferences read once, and one
     * statement per kind of row whatever their number (what a consumer handling a poll of events
     * needs to keep up with a burst).
     *
     * @return the notifications stored now
     * @throws IllegalArgumentException when the requests are of more than one business
     */
    int notifyAll(List<NotificationRequest> requests);
}
