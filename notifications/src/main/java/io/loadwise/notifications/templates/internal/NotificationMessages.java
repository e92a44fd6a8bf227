package io.loadwise.notifications.templates.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The notifications' own message bundles ({@code notifications/messages*.properties}), kept apart
 * from the application's {@code messageSource} bean. Every message goes through {@link
 * java.text.MessageFormat}, with or without arguments, so translators write an apostrophe as
 * {@code ''} everywhere. A language without a bundle falls back to English, never to the server's
 * own language.
 */
public final class NotificationMessages {

    public static final String BASENAME = "notifications/messages";

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    public NotificationMessages() {
        source.setBasename(BASENAME);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
    }

    public MessageSource source() {
        return source;
    }

    /** @throws NoSuchMessageException when neither the language's bundle nor the English one has the key */
    public String get(String key, Locale locale, Object... args) {
        return source.getMessage(key, args, locale);
    }

    public boolean has(String key, Locale locale) {
        return source.getMessage(key, null, null, locale) != null;
    }
}
