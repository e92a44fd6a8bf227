package io.loadwise.notifications;

/**
 * Turns a consumer's request into stored notifications, one per channel the recipient gets (email;
 * in-app when they have an account), unless their preferences say no. Idempotent: a request whose
 * dedupe key (event, type, recipient, channel) was stored before stores nothing. Call it inside the
 * consumer; it joins or opens a transaction as the request's tenant.
 */
public interface Notifier {

    /** @return the notifications stored now (0 when all were stored before or switched off) */
    int notify(NotificationRequest request);
}
