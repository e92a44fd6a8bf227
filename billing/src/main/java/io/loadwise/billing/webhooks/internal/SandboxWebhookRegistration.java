package io.loadwise.billing.webhooks.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.WebhookEndpointCreateParams;
import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.webhooks.WebhookPaths;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In sandbox mode the app tells the local Stripe sandbox where its two webhook endpoints are, as
 * an operator would in Stripe's dashboard: through stripe-java's WebhookEndpoint API, so webhooks
 * reach the same code path as Stripe's. With a web server that is its actual port (tests on a
 * random port, the local run); without one, {@code loadwise.stripe.public-url}. With a real Stripe
 * key nothing is registered: endpoints are set up in Stripe's dashboard and their secrets
 * configured.
 */
@Component
class SandboxWebhookRegistration {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhookRegistration.class);

    private final StripeClient stripe;
    private final StripeProperties properties;
    private final AtomicBoolean registered = new AtomicBoolean();

    SandboxWebhookRegistration(StripeClient stripe, StripeProperties properties) {
        this.stripe = stripe;
        this.properties = properties;
    }

    @EventListener
    void onWebServer(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            return;
        }
        register("http://localhost:" + event.getWebServer().getPort());
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        register(properties.publicUrl().toString());
    }

    private void register(String base) {
        if (!properties.sandbox() || !registered.compareAndSet(false, true)) {
            return;
        }
        String root = base.replaceAll("/+$", "");
        try {
            create(root + WebhookPaths.PLATFORM, false);
            create(root + WebhookPaths.CONNECT, true);
            log.info(
                    "Registered webhook endpoints {} with the Stripe sandbox at {}",
                    root + WebhookPaths.PREFIX,
                    properties.apiBase());
        } catch (StripeException | RuntimeException e) {
            // The app still runs; checkouts just will not be fulfilled until the sandbox is back.
            log.warn(
                    "Could not register webhook endpoints with the Stripe sandbox at {}: {}",
                    properties.apiBase(),
                    e.getMessage());
        }
    }

    private void create(String url, boolean connect) throws StripeException {
        stripe.v1()
                .webhookEndpoints()
                .create(WebhookEndpointCreateParams.builder()
                        .setUrl(url)
                        .setConnect(connect)
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL)
                        .setDescription("Loadwise " + (connect ? "Connect" : "platform") + " events (sandbox)")
                        .build());
    }
}
