package io.loadwise.billing.orders.internal;

import io.loadwise.billing.webhooks.ReceivedStripeEvent;
import io.loadwise.billing.webhooks.StripeEventHandler;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Checkout sessions: paid, paid later (bank debits), failed later, or expired unpaid. */
@Component
class CheckoutSessionEvents implements StripeEventHandler {

    static final String FAILED = "checkout.session.async_payment_failed";

    private final LedgerSync ledger;

    CheckoutSessionEvents(LedgerSync ledger) {
        this.ledger = ledger;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(
                "checkout.session.completed",
                "checkout.session.async_payment_succeeded",
                FAILED,
                "checkout.session.expired");
    }

    @Override
    public void handle(ReceivedStripeEvent event) throws Exception {
        // Only the failure is taken from the event: a failed bank debit leaves the session "complete"
        // and "unpaid", which otherwise reads as still processing.
        ledger.checkoutSession(event.requireAccount(), event.objectId(), FAILED.equals(event.type()));
    }
}
