package io.loadwise.billing.orders.internal;

/** Where a dispute stands, from Stripe's status. */
enum DisputeOutcome {
    OPEN,
    WON,
    LOST;

    static DisputeOutcome of(String stripeStatus) {
        return switch (stripeStatus) {
            case "lost" -> LOST;
            // An inquiry that closed without a chargeback, or one the card network prevented: no money moved.
            case "won", "warning_closed", "prevented" -> WON;
            default -> OPEN;
        };
    }
}
