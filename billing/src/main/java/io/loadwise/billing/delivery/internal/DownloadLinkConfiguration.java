package io.loadwise.billing.delivery.internal;

import io.loadwise.billing.StripeProperties;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key download links are signed with. With real Stripe keys a configured secret is required (a
 * per-process key would silently break every link a buyer was mailed at each restart or on another
 * instance); in sandbox mode a random key is good enough.
 */
@Configuration(proxyBeanMethods = false)
class DownloadLinkConfiguration {

    static final int MIN_SECRET_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(DownloadLinkConfiguration.class);

    @Bean
    DownloadTokens downloadTokens(StripeProperties properties) {
        return new DownloadTokens(key(properties));
    }

    static byte[] key(StripeProperties properties) {
        String secret = properties.downloadLinkSecret();
        if (secret == null || secret.isBlank()) {
            if (!properties.sandbox()) {
                throw new IllegalStateException("A Stripe key is set, but no secret for guide download links:"
                        + " set LOADWISE_DOWNLOAD_LINK_SECRET (at least " + MIN_SECRET_LENGTH
                        + " random characters, e.g. `openssl rand -base64 48`), the same on every instance.");
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            log.warn("No download link secret is set (sandbox mode): guide download links are signed with a"
                    + " random key and stop working when this process restarts.");
            return random;
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("The guide download link secret (LOADWISE_DOWNLOAD_LINK_SECRET) is"
                    + " too short: use at least " + MIN_SECRET_LENGTH + " random characters.");
        }
        return bytes;
    }
}
