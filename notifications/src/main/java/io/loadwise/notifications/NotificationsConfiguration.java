package io.loadwise.notifications;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsProperties.class)
class NotificationsConfiguration {

    static final int MIN_SECRET_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

    @Bean
    UnsubscribeLinks unsubscribeLinks(NotificationsProperties properties) {
        String secret = properties.unsubscribeSecret();
        if (secret == null || secret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            log.warn("No unsubscribe link secret is set (LOADWISE_NOTIFICATIONS_UNSUBSCRIBE_SECRET): links are"
                    + " signed with a random key and stop working when this process restarts.");
            return new UnsubscribeLinks(random, properties);
        }
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("The unsubscribe link secret (LOADWISE_NOTIFICATIONS_UNSUBSCRIBE_SECRET)"
                    + " is too short: use at least " + MIN_SECRET_LENGTH + " random characters.");
        }
        return new UnsubscribeLinks(key, properties);
    }
}
