package io.loadwise.billing.orders.internal;

import io.loadwise.billing.webhooks.ReceivedStripeEvent;
import io.loadwise.billing.webhooks.StripeEventHandler;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Coaching subscriptions and their invoices: renewals, failed renewals, status changes. */
@Component
class SubscriptionEvents implements StripeEventHandler {

    private final LedgerSync ledger;

    SubscriptionEvents(LedgerSync ledger) {
        this.ledger = ledger;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(
                "customer.subscription.created",
                "customer.subscription.updated",
                "customer.subscription.deleted",
                "invoice.paid",
                "invoice.payment_failed");
    }

    @Override
    public void handle(ReceivedStripeEvent event) throws Exception {
        String account = event.requireAccount();
        switch (event.type()) {
            case "invoice.paid" -> ledger.invoice(account, event.objectId());
            case "invoice.payment_failed" -> ledger.invoicePaymentFailed(account, event.objectId());
            default -> ledger.subscription(account, event.objectId());
        }
    }
}
