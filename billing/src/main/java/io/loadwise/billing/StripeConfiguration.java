package io.loadwise.billing;

import com.stripe.StripeClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link StripeClient} of the application, pointed at Stripe or at the sandbox. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class StripeConfiguration {

    @Bean
    StripeClient stripeClient(StripeProperties properties) {
        if (properties.sandbox() && properties.apiBase() == null) {
            throw new IllegalStateException("No Stripe key is set (LOADWISE_STRIPE_SECRET_KEY), so Loadwise runs"
                    + " against the Stripe sandbox, but no sandbox address is set (LOADWISE_STRIPE_API_BASE)."
                    + " The local run (./mvnw -Prun) starts one; otherwise set a Stripe test key.");
        }
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(properties.effectiveSecretKey())
                .setMaxNetworkRetries(2);
        if (properties.apiBase() != null) {
            String base = properties.apiBase();
            builder.setApiBase(base).setConnectBase(base).setFilesBase(base);
        }
        return builder.build();
    }
}
