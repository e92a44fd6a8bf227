package io.loadwise.notifications.delivery.internal;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.notifications.delivery.BounceProperties;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the bounce mailbox ({@link BounceProperties}; worker role, only where a mailbox is
 * configured) and turns what it finds into the delivery log: a delivery status notification (DSN)
 * saying one of our mails failed for good ({@code Action: failed}, status 5.x.x) marks that email
 * {@code bounced} with the remote server's diagnostic. Every message read is deleted, whatever it
 * was, so each is read once and nothing in the mailbox can stop the job: a DSN that only reports a
 * delay, one for a mail that isn't ours, and anything that is no DSN at all are logged, counted
 * ({@value #READ} by outcome) and removed. A database failure leaves the message for the next run.
 *
 * <p>Logs ids, statuses and outcomes only, never content.
 */
@Component
@ConditionalOnWorkerRole
@ConditionalOnProperty(prefix = "loadwise.notifications.bounces", name = "host")
public class BounceJob {

    /** Messages read from the bounce mailbox, tagged by {@link Outcome}. */
    public static final String READ = "loadwise.notifications.bounces.read";

    private static final Logger log = LoggerFactory.getLogger(BounceJob.class);

    /** What became of a message in the bounce mailbox. */
    public enum Outcome {
        /** A DSN of a permanent failure; its email turned bounced. */
        BOUNCED("bounced"),
        /** A DSN of a permanent failure for an email that isn't {@code sent} (bounced before, replayed). */
        UNCHANGED("unchanged"),
        /** A DSN of a delay or of anything else that isn't a permanent failure: the mail may still arrive. */
        TRANSIENT("transient"),
        /** A DSN that names no notification of ours (another system's mail, or one deleted since). */
        UNKNOWN("unknown"),
        /** No DSN at all (or one that can't be read): an auto-reply, spam, a broken report. */
        NOT_DSN("not-dsn"),
        /** Recording it failed for another reason than the database (logged as an error). */
        ERROR("error");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final BounceRepository bounces;
    private final BounceProperties properties;
    private final String messageIdDomain;
    private final MeterRegistry meters;
    private final TransactionTemplate tx;

    BounceJob(
            BounceRepository bounces,
            BounceProperties properties,
            NotificationsProperties notifications,
            MeterRegistry meters,
            PlatformTransactionManager transactions) {
        this.bounces = bounces;
        this.properties = properties;
        this.messageIdDomain = MailWorker.messageIdDomain(notifications.from());
        this.meters = meters;
        this.tx = new TransactionTemplate(transactions);
        if (properties.reading() && properties.address() == null) {
            log.warn(
                    "The bounce mailbox {} at {} is read, but loadwise.notifications.bounces.address is not set:"
                            + " bounces go to the sender address {} instead",
                    properties.user(),
                    properties.host(),
                    notifications.from());
        }
    }

    @Scheduled(
            fixedDelayString = "${loadwise.notifications.bounces.interval:5m}",
            initialDelayString = "${loadwise.notifications.bounces.interval:5m}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Reading the bounce mailbox failed; the next run tries again", e);
        }
    }

    /**
     * Reads up to {@code batch-size} messages of the bounce mailbox, records what they say and
     * deletes them. One run at a time in this process; two workers reading the same mailbox at
     * once do no harm (a row turns bounced once).
     *
     * @return how many messages ended how
     */
    public synchronized Map<Outcome, Integer> run() {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        if (!properties.reading()) {
            return outcomes;
        }
        String protocol = properties.ssl() ? "imaps" : "imap";
        Session session = Session.getInstance(sessionProperties(protocol));
        try (Store store = session.getStore(protocol)) {
            store.connect(properties.host(), properties.port(), properties.user(), properties.password());
            Folder folder = store.getFolder(properties.folder());
            folder.open(Folder.READ_WRITE);
            try {
                int read = 0;
                for (Message message : folder.getMessages()) {
                    if (read >= properties.batchSize()) {
                        break;
                    }
                    if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    read++;
                    Outcome outcome;
                    try {
                        outcome = handle(message);
                    } catch (DataAccessException | TransactionException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // Not the database: trying again would fail again and hold up the mailbox.
                        log.error("Recording a message of the bounce mailbox failed; it is removed", e);
                        outcome = Outcome.ERROR;
                    }
                    message.setFlag(Flags.Flag.DELETED, true);
                    outcomes.merge(outcome, 1, Integer::sum);
                    Counter.builder(READ)
                            .description("Messages read from the bounce mailbox, by what became of them")
                            .tag("outcome", outcome.tag())
                            .register(meters)
                            .increment();
                }
            } catch (DataAccessException | TransactionException e) {
                // The database, not the message: keep it for the next run; the ones before it are done.
                log.warn("Recording bounces failed; the rest of the bounce mailbox waits for the next run", e);
            } finally {
                folder.close(true); // expunges what was read
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(
                    "Could not read the bounce mailbox " + properties.folder() + " of " + properties.user() + " at "
                            + properties.host() + ":" + properties.port() + ": " + e.getMessage(),
                    e);
        }
        if (!outcomes.isEmpty()) {
            log.info("Bounce mailbox read: {}", outcomes);
        }
        return outcomes;
    }

    private Outcome handle(Message message) {
        Optional<DeliveryStatusReport> read;
        try {
            read = DeliveryStatusReport.read(message);
        } catch (MessagingException | IOException | RuntimeException e) {
            log.info("Removed an unreadable message from the bounce mailbox: {}", e.toString());
            return Outcome.NOT_DSN;
        }
        if (read.isEmpty()) {
            log.info(
                    "Removed a message from the bounce mailbox that is no delivery status notification ({})",
                    type(message));
            return Outcome.NOT_DSN;
        }
        DeliveryStatusReport report = read.get();
        Optional<UUID> notification = report.notificationId(messageIdDomain);
        if (notification.isEmpty()) {
            log.info(
                    "Removed a delivery status notification that names no mail of ours (Message-ID {})",
                    report.originalMessageId());
            return Outcome.UNKNOWN;
        }
        UUID id = notification.get();
        Optional<DeliveryStatusReport.RecipientStatus> failure = report.permanentFailure();
        if (failure.isEmpty()) {
            log.info(
                    "Notification {}: a delivery status notification without a permanent failure ({}), ignored",
                    id,
                    report.recipients().stream()
                            .map(r -> r.action() + " " + r.status())
                            .toList());
            return Outcome.TRANSIENT;
        }
        // No business bound: the look-up is the one cross-business read (V11__bounce_lookup.sql).
        Optional<TenantId> tenant = tx.execute(s -> bounces.tenantOfEmail(id));
        if (tenant == null || tenant.isEmpty()) {
            log.info("Notification {} of a delivery status notification is not stored (any more)", id);
            return Outcome.UNKNOWN;
        }
        String diagnostic = failure.get().describe(report.reportingMta());
        Boolean bounced =
                TenantContext.callAs(tenant.get(), () -> tx.execute(s -> bounces.markBounced(id, diagnostic)));
        if (Boolean.TRUE.equals(bounced)) {
            log.info(
                    "Notification {} of business {} bounced after delivery: {}",
                    id,
                    tenant.get(),
                    failure.get().status());
            return Outcome.BOUNCED;
        }
        log.info(
                "Notification {} of business {} bounced after delivery but isn't sent (any more): unchanged",
                id,
                tenant.get());
        return Outcome.UNCHANGED;
    }

    private static String type(Message message) {
        try {
            return message.getContentType();
        } catch (MessagingException e) {
            return "no readable content type";
        }
    }

    private Properties sessionProperties(String protocol) {
        String timeout = String.valueOf(properties.timeout().toMillis());
        Properties session = new Properties();
        session.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        session.setProperty("mail." + protocol + ".timeout", timeout);
        session.setProperty("mail." + protocol + ".writetimeout", timeout);
        if (properties.ssl()) {
            session.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        return session;
    }
}
