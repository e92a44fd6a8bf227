package io.loadwise.notifications.delivery.internal;

import io.loadwise.notifications.delivery.BounceProperties;
import io.loadwise.notifications.delivery.DeliveryProperties;
import io.loadwise.notifications.delivery.RetentionProperties;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeliveryProperties.class, RetentionProperties.class, BounceProperties.class})
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

    /**
     * Sends every mail with the bounce address ({@code loadwise.notifications.bounces.address}) as
     * envelope sender, so delivery status notifications come back to the mailbox the bounce job
     * reads rather than to the no-reply sender. Spring Boot builds the mail sender from {@code
     * spring.mail.*}; an operator's own {@code spring.mail.properties.mail.smtp.from} is kept. Read
     * from the environment directly: a post-processor is created before configuration properties
     * are bound.
     */
    @Bean
    static BeanPostProcessor bounceAddressAsEnvelopeSender(Environment environment) {
        String configured = Binder.get(environment)
                .bind("loadwise.notifications.bounces.address", String.class)
                .orElse("")
                .strip();
        String address = configured.isEmpty() ? null : configured;
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender) {
                    useEnvelopeSender(sender, address);
                }
                return bean;
            }
        };
    }

    static void useEnvelopeSender(JavaMailSenderImpl sender, @Nullable String address) {
        if (address == null) {
            return;
        }
        String envelopeSender;
        try {
            envelopeSender = new InternetAddress(address, true).getAddress();
        } catch (AddressException e) {
            throw new IllegalStateException(
                    "loadwise.notifications.bounces.address is not a mail address: '" + address + "'", e);
        }
        String protocol = sender.getProtocol() == null ? "smtp" : sender.getProtocol();
        sender.getJavaMailProperties().putIfAbsent("mail." + protocol + ".from", envelopeSender);
    }
}
