package io.loadwise.billing;

/**
 * Metadata keys Loadwise puts on every Checkout Session (and, for subscriptions, on the
 * subscription via {@code subscription_data.metadata}), so a webhook can be traced back to our
 * tenant, offer, pending order and — when the buyer was signed in — client.
 */
public final class CheckoutMetadata {

    public static final String TENANT = "loadwise_tenant";
    public static final String OFFER = "loadwise_offer";
    public static final String ORDER = "loadwise_order";
    public static final String CLIENT = "loadwise_client";

    private CheckoutMetadata() {}
}
