package io.loadwise.notifications.delivery.internal;

import io.loadwise.notifications.delivery.DeliveryProperties;
import io.loadwise.notifications.delivery.RetentionProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeliveryProperties.class, RetentionProperties.class})
@EnableScheduling
class DeliveryConfiguration {

    /** The system property Jakarta Mail reads before it searches for a stream provider. */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        nameTheMailStreamProvider();
    }

    /**
     * Jakarta Mail looks up its stream provider for every MIME part it builds, parses or writes, and
     * unless this property names it, each look-up is a ServiceLoader scan of the whole class path.
     * Profiling the notifications benchmark showed that scan taking more than half of the mail
     * worker's CPU (and as much again in an SMTP server in the same JVM). Naming Angus Mail's
     * provider, the one the scan would find, turns the look-up into a class lookup. An operator's
     * own choice (the property already set) is kept.
     */
    static void nameTheMailStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, DeliveryConfiguration.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }
}
