package io.loadwise.notifications;

import java.util.List;
import java.util.Locale;

/**
 * Every kind of notification Loadwise sends, with the rules that apply to it and the model
 * variables its templates need. The consumers fill {@link #required()} (more is allowed); the
 * renderer refuses to render a notification that lacks one, so no mail goes out half-rendered.
 *
 * <p>Model values are JSON values: strings, numbers, booleans, lists and maps of them. Amounts are a
 * {@code ...Minor} long plus a {@code currency} code; instants are ISO-8601 strings; the renderer
 * formats both in the recipient's locale and time zone. The renderer adds {@code recipientName},
 * {@code tenantName}, {@code brandColor}, {@code logoUrl}, {@code actionUrl}, {@code
 * preferencesUrl} and (when the type can be switched off) {@code unsubscribeUrl} itself.
 */
public enum NotificationType {
    // Account mails: the link is issued when the mail is rendered (SecretLinks), never stored.
    CLIENT_INVITE(Audience.CLIENT, Rule.TRANSACTIONAL, List.of("invitedBy", "memberId")),
    COACH_INVITE(Audience.COACH, Rule.TRANSACTIONAL, List.of("invitedBy", "memberId", "role")),
    SIGNUP_CONFIRMATION(Audience.COACH, Rule.TRANSACTIONAL, List.of("memberId")),

    // Commerce (to the buyer): transactional, they can't be switched off.
    RECEIPT(
            Audience.CLIENT,
            Rule.TRANSACTIONAL,
            List.of("orderId", "offerTitle", "offerKind", "amountTotalMinor", "currency", "paidAt")),
    COACHING_STARTED(Audience.CLIENT, Rule.TRANSACTIONAL, List.of("offerTitle")),
    RENEWAL_FAILED(Audience.CLIENT, Rule.TRANSACTIONAL, List.of("offerTitle")),
    COACHING_CANCELED(Audience.CLIENT, Rule.TRANSACTIONAL, List.of("offerTitle")),
    REFUND_ISSUED(Audience.CLIENT, Rule.TRANSACTIONAL, List.of("offerTitle", "amountMinor", "currency")),
    // Commerce (to the coach)
    DISPUTE_OPENED(Audience.COACH, Rule.URGENT, List.of("clientName", "amountMinor", "currency")),

    // Plans (to the client)
    PLAN_ASSIGNED(Audience.CLIENT, Rule.NORMAL, List.of("planName")),
    PLAN_ADJUSTED(Audience.CLIENT, Rule.NORMAL, List.of("planName", "reason")),
    MISSED_SESSIONS(Audience.CLIENT, Rule.NORMAL, List.of("planName", "missedCount")),
    // Plans (to the coach)
    PLAN_CHANGED_BY_ENGINE(Audience.COACH, Rule.NORMAL, List.of("clientName", "planName", "reason")),
    ADJUSTMENT_PROPOSED(Audience.COACH, Rule.NORMAL, List.of("clientName", "planName", "reason")),
    PAIN_SPIKE(Audience.COACH, Rule.URGENT, List.of("clientName", "detail")),

    // Messages: no message text, ever (health data stays in the database).
    NEW_MESSAGE(Audience.ANYONE, Rule.NORMAL, List.of("authorName", "clientName")),

    // Coaches' summaries
    WEEKLY_SUMMARY(
            Audience.COACH, Rule.NORMAL, List.of("weekStart", "openFlags", "newClients", "revenueMinor", "currency")),
    /** The day's non-urgent notifications of a coach who chose a digest, as one mail. */
    DAILY_DIGEST(Audience.COACH, Rule.DIGEST_ITSELF, List.of("items"));

    public enum Audience {
        CLIENT,
        COACH,
        ANYONE
    }

    enum Rule {
        /** Receipts, account and security mail: always sent, at once, never in a digest. */
        TRANSACTIONAL,
        /** Can be switched off; sent at once, even in quiet hours, never digested. */
        URGENT,
        /** Can be switched off, waits for quiet hours to end, goes into a coach's digest. */
        NORMAL,
        DIGEST_ITSELF
    }

    private final Audience audience;
    private final Rule rule;
    private final List<String> required;

    NotificationType(Audience audience, Rule rule, List<String> required) {
        this.audience = audience;
        this.rule = rule;
        this.required = required;
    }

    public Audience audience() {
        return audience;
    }

    /** Receipts, account and security mail: preferences can't switch it off. */
    public boolean transactional() {
        return rule == Rule.TRANSACTIONAL;
    }

    /** Not delayed by quiet hours and not gathered into a digest. */
    public boolean immediate() {
        return rule != Rule.NORMAL;
    }

    /** Can go into a coach's daily digest instead of its own mail. */
    public boolean digestible() {
        return rule == Rule.NORMAL && audience != Audience.CLIENT;
    }

    /** Account mails carry a secret link, and an inbox entry has no use before the account exists. */
    public boolean emailOnly() {
        return this == CLIENT_INVITE || this == COACH_INVITE || this == SIGNUP_CONFIRMATION || this == DAILY_DIGEST;
    }

    /** The model variables the templates need (see the class comment). */
    public List<String> required() {
        return required;
    }

    /** The template base name and message key prefix, e.g. {@code plan-adjusted}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static NotificationType fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
