package io.loadwise.billing.checkout;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Starts Stripe Checkout for a storefront visitor — a guest, or a signed-in client of that
 * business — on the business's connected account, and reports an order's fulfilment to the
 * success page. Fulfilment itself happens only in the webhook handlers.
 */
@Service
public class CheckoutService {

    /**
     * @param slug the storefront's business (the tenant comes from it, never from the buyer)
     * @param promotionCode optional; an unknown or inactive code is refused before Stripe is called
     * @throws io.loadwise.billing.connect.NotSellingException when the business cannot take payments
     */
    public CheckoutStarted start(String slug, UUID offerId, @Nullable String promotionCode) {
        throw new UnsupportedOperationException("Commerce issue: checkout");
    }

    /** The success page's question: is the order behind this Checkout Session fulfilled yet? */
    public CheckoutOutcome outcome(String slug, String checkoutSessionId) {
        throw new UnsupportedOperationException("Commerce issue: checkout");
    }
}
