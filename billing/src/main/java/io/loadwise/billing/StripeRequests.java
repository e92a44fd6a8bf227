package io.loadwise.billing;

import com.stripe.net.RequestOptions;

/**
 * Request options for calls on a business's connected account (the {@code Stripe-Account}
 * header: direct charges live there), with an idempotency key for calls that move money or create
 * objects, derived from our own ids so a retried call never acts twice.
 */
public final class StripeRequests {

    private StripeRequests() {}

    public static RequestOptions onAccount(String stripeAccountId) {
        return RequestOptions.builder().setStripeAccount(stripeAccountId).build();
    }

    /** @param idempotencyKey e.g. {@code "refund:" + refundId}: stable for the same intent */
    public static RequestOptions onAccount(String stripeAccountId, String idempotencyKey) {
        return RequestOptions.builder()
                .setStripeAccount(stripeAccountId)
                .setIdempotencyKey(idempotencyKey)
                .build();
    }
}
