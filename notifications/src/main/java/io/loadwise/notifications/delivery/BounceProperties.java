package io.loadwise.notifications.delivery;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where bounces come back and how the worker reads them. Most refusals don't happen while the mail
 * is handed over: the receiving server accepts it and a mail server later sends a delivery status
 * notification (DSN, RFC 3464) to the envelope sender. The mail worker sends with {@code address}
 * as that envelope sender (the {@code Return-Path}); the worker's bounce job reads the mailbox over
 * IMAP every {@code interval} and marks the mail a DSN reports as failed for good {@code bounced}.
 * Without a {@code host} no mailbox is read (the default).
 *
 * @param address the envelope sender of every mail; unset: the address of {@code
 *     loadwise.notifications.from} (bounces then go wherever that address delivers). An operator's
 *     own {@code spring.mail.properties.mail.smtp.from} wins.
 * @param host the IMAP server of the bounce mailbox; unset: bounces are not read
 * @param port its port (993: IMAP over TLS; 143 with {@code ssl=false})
 * @param ssl IMAP over TLS (imaps) rather than plain IMAP
 * @param user the mailbox's login
 * @param password its password (from the environment: LOADWISE_NOTIFICATIONS_BOUNCES_PASSWORD)
 * @param folder the folder DSNs arrive in
 * @param interval how often the mailbox is read
 * @param batchSize messages read per run at most; the rest wait for the next run
 * @param timeout how long connecting to and reading from the IMAP server may take before the run
 *     gives up (the next one tries again)
 */
@ConfigurationProperties("loadwise.notifications.bounces")
public record BounceProperties(
        @Nullable String address,
        @Nullable String host,
        @DefaultValue("993") int port,
        @DefaultValue("true") boolean ssl,
        @Nullable String user,
        @Nullable String password,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("5m") Duration interval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("30s") Duration timeout) {

    public BounceProperties {
        if (host != null && host.isBlank()) {
            host = null;
        }
        if (address != null && address.isBlank()) {
            address = null;
        }
        if (host != null && (user == null || user.isBlank())) {
            throw new IllegalArgumentException(
                    "loadwise.notifications.bounces.user is needed to read the bounce mailbox at " + host);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("loadwise.notifications.bounces.batch-size must be at least 1");
        }
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("loadwise.notifications.bounces.interval must be at least 1s");
        }
    }

    /** Whether a bounce mailbox is configured (and the worker reads it). */
    public boolean reading() {
        return host != null;
    }
}
