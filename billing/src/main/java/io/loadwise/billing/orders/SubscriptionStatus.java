package io.loadwise.billing.orders;

/** Stripe's subscription statuses; stored as the lower-case code. */
public enum SubscriptionStatus {
    INCOMPLETE,
    INCOMPLETE_EXPIRED,
    TRIALING,
    ACTIVE,
    PAST_DUE,
    UNPAID,
    PAUSED,
    CANCELED
}
