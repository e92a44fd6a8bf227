package io.loadwise.billing;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Loadwise reaches Stripe ({@code loadwise.stripe.*}). Secrets come only from the environment.
 *
 * <p>With no {@link #secretKey()} the platform runs in <em>sandbox</em> mode: stripe-java talks to
 * the local Stripe sandbox at {@link #apiBase()} (the same code path as with Stripe), and every
 * page a user could see says it is a sandbox. With a key, {@code apiBase} defaults to Stripe.
 *
 * @param secretKey the platform's secret key ({@code sk_test_...} or {@code sk_live_...}); none =
 *     sandbox
 * @param apiBase where the Stripe API is; required in sandbox mode
 * @param platformWebhookSecret signing secret of the platform webhook endpoint ({@code whsec_...})
 * @param connectWebhookSecret signing secret of the Connect webhook endpoint
 * @param webhookTolerance how old a signed webhook may be before it is refused
 * @param downloadLinkSecret HMAC key for guide download links; required with a secret key, a
 *     per-process random key in sandbox mode
 * @param downloadLinkLifetime how long a download link works
 * @param publicUrl where buyers reach this installation (success pages, return URLs)
 */
@ConfigurationProperties("loadwise.stripe")
public record StripeProperties(
        @Nullable String secretKey,
        @Nullable String apiBase,
        @Nullable String platformWebhookSecret,
        @Nullable String connectWebhookSecret,
        @DefaultValue("5m") Duration webhookTolerance,
        @Nullable String downloadLinkSecret,
        @DefaultValue("15m") Duration downloadLinkLifetime,
        @DefaultValue("http://localhost:8080") URI publicUrl) {

    /** The key stripe-java sends to the sandbox, which accepts any. */
    public static final String SANDBOX_KEY = "sk_test_loadwise_sandbox";

    public StripeProperties {
        apiBase = apiBase == null || apiBase.isBlank() ? null : apiBase.replaceAll("/+$", "");
    }

    public boolean sandbox() {
        return secretKey == null || secretKey.isBlank();
    }

    /** Whether events and objects must be live-mode ones (a live key) or test-mode ones. */
    public boolean livemode() {
        return !sandbox() && secretKey.startsWith("sk_live_");
    }

    public String effectiveSecretKey() {
        return sandbox() ? SANDBOX_KEY : secretKey;
    }
}
