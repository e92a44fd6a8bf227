package io.loadwise.billing.orders.internal;

import io.loadwise.billing.webhooks.ReceivedStripeEvent;
import io.loadwise.billing.webhooks.StripeEventHandler;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Refunds and disputes on a business's charges. */
@Component
class ChargeEvents implements StripeEventHandler {

    private final LedgerSync ledger;

    ChargeEvents(LedgerSync ledger) {
        this.ledger = ledger;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("charge.refunded", "charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed");
    }

    @Override
    public void handle(ReceivedStripeEvent event) throws Exception {
        if (event.type().equals("charge.refunded")) {
            ledger.charge(event.requireAccount(), event.objectId());
        } else {
            ledger.dispute(event.requireAccount(), event.objectId());
        }
    }
}
