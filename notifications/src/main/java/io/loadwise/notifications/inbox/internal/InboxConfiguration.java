package io.loadwise.notifications.inbox.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboxProperties.class)
class InboxConfiguration {

    /** Only web instances serve UIs that wait for inbox news; workers only send the signals. */
    @Bean
    @Conditional(WebRoleCondition.class)
    InboxSignalListener inboxSignalListener(
            DataSourceProperties dataSource,
            InboxProperties properties,
            InboxListenerRegistry registry,
            InboxRepository inbox,
            PlatformTransactionManager transactions) {
        return new InboxSignalListener(
                InboxSignalListener.connectionsFrom(dataSource), properties, registry, inbox, transactions);
    }
}
