package io.loadwise.notifications.inbox.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a web instance listens for inbox signals.
 *
 * @param pollTimeout how long one wait for signals lasts; also how long shutting down may wait for it
 * @param reconnectDelay the pause before opening the listening connection again after it failed
 */
@ConfigurationProperties("loadwise.notifications.inbox")
public record InboxProperties(
        @DefaultValue("1s") Duration pollTimeout,
        @DefaultValue("2s") Duration reconnectDelay) {}
