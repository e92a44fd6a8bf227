package io.loadwise.ui.notifications;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The notifications services the views need until the module's own implementations are there.
 * {@code @Import} only from this package's tests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StandIns {

    @Bean
    StandInNotificationSettings standInNotificationSettings() {
        return new StandInNotificationSettings();
    }

    @Bean
    StandInDeliveryLog standInDeliveryLog() {
        return new StandInDeliveryLog();
    }
}
