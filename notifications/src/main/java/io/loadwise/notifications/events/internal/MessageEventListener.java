package io.loadwise.notifications.events.internal;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.messaging.MessagePosted;
import io.loadwise.notifications.NotificationType;
import io.loadwise.roster.NotificationAudience;
import io.loadwise.roster.NotificationAudience.Circle;
import io.loadwise.roster.NotificationAudience.Person;
import io.loadwise.tenancy.RecentTenants;
import io.loadwise.tenancy.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A new message in a client's thread tells the others in it: the client's coaches when the client
 * wrote, the client and the other coaches when a coach did. Never the text: messages are often
 * about health, and the text stays in the database (the notification names who wrote, and links
 * to the thread).
 */
@Component
@ConditionalOnWorkerRole
class MessageEventListener {

    private static final Logger log = LoggerFactory.getLogger(MessageEventListener.class);

    private final EventIntake intake;
    private final NotificationAudience audience;
    private final RecentTenants tenants;

    MessageEventListener(EventIntake intake, NotificationAudience audience, RecentTenants tenants) {
        this.intake = intake;
        this.audience = audience;
        this.tenants = tenants;
    }

    @KafkaListener(
            id = "notifications-messages",
            topics = MessagePosted.TOPIC,
            groupId = Listeners.GROUP,
            concurrency = Listeners.CONCURRENCY,
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        PollCircles circles = new PollCircles(audience);
        intake.handleBatch(records, record -> {
            MessagePosted e = intake.read(record, MessagePosted.class, m ->
                    new Object[] {m.eventId(), m.tenantId(), m.clientId(), m.authorMemberId(), m.occurredAt()});
            circles.want(e.tenantId(), e.clientId());
            return Optional.of(new EventIntake.Job(e.tenantId(), () -> posted(e, circles, record.topic())));
        });
    }

    private void posted(MessagePosted e, PollCircles circles, String topic) {
        var found = circles.of(e.tenantId(), e.clientId());
        if (found.isEmpty()) {
            log.info("Message event {} concerns a client who no longer exists", e.eventId());
            return;
        }
        Circle circle = found.get();
        Tenant tenant = tenants.find(e.tenantId()).orElseThrow();
        boolean byClient = Objects.equals(circle.client().memberId(), e.authorMemberId());
        String authorName = byClient ? circle.client().name() : coachName(circle, e.authorMemberId(), tenant);
        List<Person> others = new ArrayList<>();
        if (!byClient) {
            others.add(circle.client());
        }
        circle.coaches().stream()
                .filter(coach -> !Objects.equals(coach.memberId(), e.authorMemberId()))
                .forEach(others::add);
        for (Person person : others) {
            boolean isClient = person == circle.client();
            String link = isClient ? "/t/" + tenant.slug() + "/me/messages" : "/coach/clients/" + e.clientId();
            // Who wrote and about whom; never what (recipientRole picks the preferences page the mail links to).
            Map<String, Object> model = Map.of(
                    "authorName",
                    authorName,
                    "clientName",
                    circle.client().name(),
                    "recipientRole",
                    isClient ? "client" : "coach");
            intake.recipient(person.email(), person.name(), person.memberId(), topic)
                    .ifPresent(to -> intake.notify(
                            e.eventId(), e.tenantId(), NotificationType.NEW_MESSAGE, to, model, link, e.occurredAt()));
        }
    }

    /** The coach who wrote: usually one of the client's, else whoever of the business (an owner stepping in). */
    private String coachName(Circle circle, UUID authorMemberId, Tenant tenant) {
        return circle.coaches().stream()
                .filter(coach -> authorMemberId.equals(coach.memberId()))
                .map(Person::name)
                .findFirst()
                .orElseGet(
                        () -> audience.member(authorMemberId).map(Person::name).orElse(tenant.name()));
    }
}
