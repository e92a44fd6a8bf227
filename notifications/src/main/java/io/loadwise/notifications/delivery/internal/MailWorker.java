package io.loadwise.notifications.delivery.internal;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.notifications.Channel;
import io.loadwise.notifications.NotificationRenderer;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.notifications.RenderRequest;
import io.loadwise.notifications.RenderedMail;
import io.loadwise.notifications.TemplateVariableMissingException;
import io.loadwise.notifications.delivery.DeliveryProperties;
import io.loadwise.notifications.delivery.NotificationStatus;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued mail (worker role only). Claims due queue rows of every business in batches,
 * reads and renders each notification as its business, sends the batch over one SMTP connection
 * and records every mail's outcome in one round trip per business: sent; failed (connection or
 * server trouble: retried with doubling back-off, dead after the last attempt); bounced (the
 * server refused the address for good, or it isn't one); dead at once when the template lacks a
 * variable. One mail's failure never fails or resends the others of its batch.
 *
 * <p>Logs ids, types and errors only, never content: mails can carry health context.
 */
@Component
@ConditionalOnWorkerRole
public class MailWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);

    private final NotificationRepository notifications;
    private final ObjectProvider<NotificationRenderer> renderer;
    private final JavaMailSender mail;
    private final DeliveryProperties properties;
    private final InternetAddress from;
    private final String messageIdDomain;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final List<Semaphore> wakeUps = new CopyOnWriteArrayList<>();
    private final List<Thread> senders = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    MailWorker(
            NotificationRepository notifications,
            ObjectProvider<NotificationRenderer> renderer,
            JavaMailSender mail,
            DeliveryProperties properties,
            NotificationsProperties notificationsProperties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.notifications = notifications;
        this.renderer = renderer;
        this.mail = mail;
        this.properties = properties;
        this.from = senderAddress(notificationsProperties.from());
        this.messageIdDomain = messageIdDomain(notificationsProperties.from());
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The domain of every Message-ID the worker writes (the sender address's): the bounce job looks for it. */
    static String messageIdDomain(String from) {
        String address = senderAddress(from).getAddress();
        return address.substring(address.indexOf('@') + 1);
    }

    private static InternetAddress senderAddress(String configured) {
        try {
            return new InternetAddress(configured, true);
        } catch (AddressException e) {
            throw new IllegalStateException(
                    "loadwise.notifications.from is not a mail address: '" + configured + "'", e);
        }
    }

    /** Look at the queue now (a mail was just stored or replayed). */
    public void wake() {
        wakeUps.forEach(Semaphore::release);
    }

    /**
     * Several senders (loadwise.notifications.delivery.threads), each claiming its own batches:
     * one renders and records while another waits for the SMTP server.
     */
    @Override
    public void start() {
        running = true;
        for (int i = 1; i <= properties.threads(); i++) {
            Semaphore wakeUp = new Semaphore(0);
            wakeUps.add(wakeUp);
            Thread thread = new Thread(() -> run(wakeUp), "notification-mail-" + i);
            thread.setDaemon(true);
            senders.add(thread);
            thread.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        wake();
        for (Thread thread : senders) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        senders.clear();
        wakeUps.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run(Semaphore wakeUp) {
        while (running) {
            try {
                int claimed = drainOnce();
                if (claimed < properties.batchSize()) {
                    wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.error("Sending queued notifications failed; trying again after the poll interval", e);
                try {
                    Thread.sleep(properties.pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims, sends and records one batch; @return how many queue rows were claimed. */
    int drainOnce() {
        if (renderer.getIfAvailable() == null) {
            // No templates in this process: claiming would only fail mail another worker can send.
            return 0;
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<NotificationRepository.Claim> claims =
                tx.execute(s -> notifications.claimDue(now, now.plus(properties.lease()), properties.batchSize()));
        if (claims == null || claims.isEmpty()) {
            return 0;
        }
        Map<TenantId, List<UUID>> byTenant = claims.stream()
                .collect(Collectors.groupingBy(
                        NotificationRepository.Claim::tenantId,
                        LinkedHashMap::new,
                        Collectors.mapping(NotificationRepository.Claim::notificationId, Collectors.toList())));

        Map<TenantId, List<NotificationRepository.Outcome>> outcomes = new LinkedHashMap<>();
        Map<MimeMessage, Prepared> prepared = new IdentityHashMap<>();
        List<MimeMessage> batch = new ArrayList<>();
        for (var group : byTenant.entrySet()) {
            TenantId tenant = group.getKey();
            List<NotificationRepository.Outcome> tenantOutcomes = new ArrayList<>();
            outcomes.put(tenant, tenantOutcomes);
            TenantContext.runAs(tenant, () -> {
                List<NotificationRepository.Stored> rows = tx.execute(s -> notifications.load(group.getValue()));
                Set<UUID> sendable = rows == null
                        ? Set.of()
                        : rows.stream()
                                .filter(r -> r.channel() == Channel.EMAIL
                                        && NotificationStatus.SENDABLE.contains(r.status()))
                                .map(NotificationRepository.Stored::id)
                                .collect(Collectors.toSet());
                List<UUID> stale = group.getValue().stream()
                        .filter(id -> !sendable.contains(id))
                        .toList();
                if (!stale.isEmpty()) {
                    // Sent, replayed or gone since it was queued: nothing to send.
                    tx.executeWithoutResult(s -> notifications.dequeue(stale));
                }
                for (NotificationRepository.Stored row :
                        rows == null ? List.<NotificationRepository.Stored>of() : rows) {
                    if (!sendable.contains(row.id())) {
                        continue;
                    }
                    try {
                        Prepared message = prepare(row);
                        prepared.put(message.message(), message);
                        batch.add(message.message());
                    } catch (TemplateVariableMissingException e) {
                        log.warn(
                                "Notification {} ({}) can't be rendered: {}",
                                row.id(),
                                row.type().key(),
                                e.getMessage());
                        tenantOutcomes.add(new NotificationRepository.Unrenderable(row.id(), e.getMessage()));
                    } catch (AddressException e) {
                        log.info(
                                "Notification {} ({}) bounced: the address isn't one",
                                row.id(),
                                row.type().key());
                        tenantOutcomes.add(
                                new NotificationRepository.Bounced(row.id(), "Not a mail address: " + e.getMessage()));
                    } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
                        log.warn(
                                "Notification {} ({}) could not be prepared",
                                row.id(),
                                row.type().key(),
                                e);
                        tenantOutcomes.add(failed(row, "Could not prepare the mail: " + e));
                    }
                }
            });
        }

        long prepared_ = System.nanoTime();
        Map<Object, Exception> failures = send(batch);
        long sent_ = System.nanoTime();
        for (MimeMessage message : batch) {
            Prepared p = prepared.get(message);
            Exception failure = failures.get(message);
            NotificationRepository.Outcome outcome;
            if (failure == null) {
                outcome = new NotificationRepository.Sent(p.row().id(), p.subject());
            } else if (isPermanentRefusal(failure)) {
                log.info(
                        "Notification {} ({}) bounced: {}",
                        p.row().id(),
                        p.row().type().key(),
                        failure.getMessage());
                outcome = new NotificationRepository.Bounced(p.row().id(), describe(failure));
            } else {
                outcome = failed(p.row(), describe(failure));
            }
            outcomes.get(p.row().tenantId()).add(outcome);
        }
        for (var entry : outcomes.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                TenantContext.runAs(
                        entry.getKey(), () -> tx.executeWithoutResult(s -> notifications.record(entry.getValue())));
            }
        }
        if (log.isDebugEnabled()) {
            log.debug(
                    "Batch of {}: claimed, read and rendered in {} ms, sent in {} ms, recorded in {} ms",
                    claims.size(),
                    (prepared_ - started) / 1_000_000,
                    (sent_ - prepared_) / 1_000_000,
                    (System.nanoTime() - sent_) / 1_000_000);
        }
        return claims.size();
    }

    /** Sends all over one connection; @return the messages that failed, with why (identity keys). */
    private Map<Object, Exception> send(List<MimeMessage> batch) {
        if (batch.isEmpty()) {
            return Map.of();
        }
        try {
            mail.send(batch.toArray(MimeMessage[]::new));
            return Map.of();
        } catch (MailSendException e) {
            Map<Object, Exception> failed = new IdentityHashMap<>(e.getFailedMessages());
            if (failed.isEmpty()) {
                batch.forEach(m -> failed.put(m, e));
            }
            log.warn("{} of {} notification mails failed: {}", failed.size(), batch.size(), e.getMessage());
            return failed;
        } catch (MailException e) {
            // Authentication or another failure before anything went out: all of them failed.
            log.warn("Sending {} notification mails failed: {}", batch.size(), e.getMessage());
            Map<Object, Exception> failed = new IdentityHashMap<>();
            batch.forEach(m -> failed.put(m, e));
            return failed;
        }
    }

    private NotificationRepository.Failed failed(NotificationRepository.Stored row, String error) {
        int attempts = row.attempts() + 1;
        if (attempts >= properties.maxAttempts()) {
            log.warn(
                    "Notification {} ({}) is dead after {} attempts",
                    row.id(),
                    row.type().key(),
                    attempts);
            return new NotificationRepository.Failed(row.id(), error, null);
        }
        Instant retryAt = clock.instant().plus(properties.backoff(row.attempts()));
        return new NotificationRepository.Failed(row.id(), error, retryAt);
    }

    private record Prepared(NotificationRepository.Stored row, MimeMessage message, String subject) {}

    private Prepared prepare(NotificationRepository.Stored row)
            throws MessagingException, UnsupportedEncodingException {
        RenderedMail rendered = renderer.getObject()
                .mail(new RenderRequest(
                        row.id(),
                        row.tenantId(),
                        row.type(),
                        Channel.EMAIL,
                        row.recipient(),
                        row.locale(),
                        row.zone(),
                        row.model(),
                        row.link()));
        InternetAddress to = new InternetAddress(row.recipient().email(), true);
        to.validate();
        MimeMessage message = mail.createMimeMessage();
        message.setFrom(
                new InternetAddress(from.getAddress(), oneLine(rendered.senderName()), StandardCharsets.UTF_8.name()));
        message.setRecipient(Message.RecipientType.TO, to);
        String subject = oneLine(rendered.subject());
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setContent(alternatives(rendered));
        if (rendered.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + rendered.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        // Stable per notification: a resend after a lost acknowledgement is recognisably the same mail.
        message.setHeader("Message-ID", "<" + row.id() + "@" + messageIdDomain + ">");
        // For bounce reports from servers that rewrite the Message-ID (BounceJob reads either).
        message.setHeader(DeliveryStatusReport.NOTIFICATION_HEADER, row.id().toString());
        return new Prepared(row, message, subject);
    }

    /**
     * The plain text and the HTML as {@code multipart/alternative}, plain first (a client shows the
     * last one it can): the whole body, as there are no attachments. Spring's helper would nest
     * it in {@code mixed} and {@code related} parts, which cost every mail a deeper tree to build,
     * write and parse for nothing. Quoted-printable is named, not found by scanning each part: it
     * keeps lines short and ASCII whatever the language.
     */
    private static MimeMultipart alternatives(RenderedMail rendered) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
        text.setHeader("Content-Transfer-Encoding", "quoted-printable");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
        html.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return new MimeMultipart("alternative", text, html);
    }

    /**
     * The server refused the recipient for good, or the address isn't one. Jakarta Mail lists an
     * address as invalid only for a permanent (5xx) refusal of RCPT TO; a temporary one (4xx) leaves it
     * valid-unsent, which is retried.
     */
    static boolean isPermanentRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AddressException) {
                return true;
            }
            if (t instanceof SendFailedException sendFailed
                    && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName() + ": " + failure.getMessage());
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            text.append(" (")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage())
                    .append(')');
        }
        return text.toString();
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ").strip();
    }
}
