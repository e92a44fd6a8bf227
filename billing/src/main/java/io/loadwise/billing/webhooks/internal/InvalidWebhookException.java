package io.loadwise.billing.webhooks.internal;

/** A webhook request that is not a verifiable Stripe event; nothing of it is stored. */
public class InvalidWebhookException extends RuntimeException {

    private final String slug;

    InvalidWebhookException(String slug, String message) {
        super(message);
        this.slug = slug;
    }

    /** The problem type slug, e.g. {@code webhook-signature-invalid}. */
    public String slug() {
        return slug;
    }
}
