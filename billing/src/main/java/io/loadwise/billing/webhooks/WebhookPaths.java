package io.loadwise.billing.webhooks;

/** Where Stripe posts events: one endpoint for the platform's own account, one for Connect. */
public final class WebhookPaths {

    public static final String PREFIX = "/stripe/webhooks/";
    public static final String PLATFORM = PREFIX + "platform";
    public static final String CONNECT = PREFIX + "connect";

    private WebhookPaths() {}
}
