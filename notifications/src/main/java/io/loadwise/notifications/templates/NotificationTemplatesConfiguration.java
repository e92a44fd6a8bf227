package io.loadwise.notifications.templates;

import io.loadwise.notifications.templates.internal.NotificationMessages;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The notifications' own template engine: HTML mode for {@code *.html}, text mode for {@code
 * *.txt}, from {@code notifications/templates/} on the classpath, with the notifications' message
 * bundles. Parsed templates are cached for the life of the process (a mail worker renders hundreds
 * a second). Not a view resolver: the application's pages are Vaadin.
 */
@Configuration(proxyBeanMethods = false)
class NotificationTemplatesConfiguration {

    static final String TEMPLATES = "notifications/templates/";

    @Bean
    NotificationMessages notificationMessages() {
        return new NotificationMessages();
    }

    /** Named apart from any engine another part of the application may define; injected by this name. */
    @Bean
    SpringTemplateEngine notificationTemplateEngine(NotificationMessages notificationMessages) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setEnableSpringELCompiler(true);
        // Wins over the application's messageSource, which Spring hands every MessageSourceAware bean.
        engine.setTemplateEngineMessageSource(notificationMessages.source());
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(TEMPLATES);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }
}
