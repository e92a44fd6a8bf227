package io.loadwise.billing.orders;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The signed-in client's own purchases, for her portal. */
@Service
public class Purchases {

    public List<Purchase> mine() {
        throw new UnsupportedOperationException("Commerce issue: orders");
    }

    /**
     * A Stripe Customer Portal session for one of her subscriptions (change card, cancel);
     * Stripe sends her back to {@code returnUrl}.
     */
    public URI customerPortal(UUID subscriptionId, URI returnUrl) {
        throw new UnsupportedOperationException("Commerce issue: orders");
    }
}
