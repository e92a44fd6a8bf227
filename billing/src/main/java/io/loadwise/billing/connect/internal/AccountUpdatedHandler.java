package io.loadwise.billing.connect.internal;

import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.webhooks.ReceivedStripeEvent;
import io.loadwise.billing.webhooks.StripeEventHandler;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code account.updated} on the Connect endpoint: the account is re-fetched from Stripe and its
 * state stored, so a repeated or out-of-order event leaves the latest state. Events for accounts no
 * business owns never reach here (the inbox flags them).
 */
@Component
class AccountUpdatedHandler implements StripeEventHandler {

    private final PaymentAccountService accounts;

    AccountUpdatedHandler(PaymentAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("account.updated");
    }

    @Override
    public void handle(ReceivedStripeEvent event) {
        event.requireTenant();
        // On the Connect endpoint the event's account is the account itself; the object id says the same.
        String account = event.account() != null ? event.account() : event.objectId();
        accounts.refreshFromStripe(account);
    }
}
