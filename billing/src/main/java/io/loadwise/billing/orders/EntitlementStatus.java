package io.loadwise.billing.orders;

public enum EntitlementStatus {
    ACTIVE,
    /** Taken back: the order was refunded in full or a dispute was lost. */
    REVOKED,
    /** Ran out: the subscription ended. */
    ENDED
}
