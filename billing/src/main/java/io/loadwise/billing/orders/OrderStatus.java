package io.loadwise.billing.orders;

/** Where an order stands; stored as the lower-case code. */
public enum OrderStatus {
    PENDING,
    PAID,
    FAILED,
    EXPIRED,
    /** Paid, but not what the catalog says (amount or currency): no entitlement until reviewed. */
    REVIEW,
    PARTIALLY_REFUNDED,
    REFUNDED,
    DISPUTED,
    DISPUTE_LOST
}
