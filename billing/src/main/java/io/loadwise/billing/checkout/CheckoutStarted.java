package io.loadwise.billing.checkout;

import java.net.URI;
import java.util.UUID;

/** A Checkout Session was created: send the buyer to {@code checkoutUrl}. */
public record CheckoutStarted(UUID orderId, String checkoutSessionId, URI checkoutUrl) {}
