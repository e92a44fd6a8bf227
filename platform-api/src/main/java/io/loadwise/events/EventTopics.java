package io.loadwise.events;

import io.loadwise.checkins.CheckInRecorded;
import io.loadwise.checkins.SessionLogged;
import io.loadwise.commerce.DisputeOpened;
import io.loadwise.commerce.OrderPaid;
import io.loadwise.commerce.RefundIssued;
import io.loadwise.commerce.SubscriptionCanceled;
import io.loadwise.commerce.SubscriptionPastDue;
import io.loadwise.commerce.SubscriptionStarted;
import io.loadwise.intake.IntakeSubmitted;
import io.loadwise.messaging.MessagePosted;
import io.loadwise.onboarding.TenantSignedUp;
import io.loadwise.planengine.AdjustmentProposed;
import io.loadwise.plans.PlanAdjusted;
import io.loadwise.plans.PlanAssigned;
import io.loadwise.plans.SessionMissed;
import io.loadwise.roster.ClientFlagRaised;
import io.loadwise.roster.ClientInvited;
import io.loadwise.team.CoachInvited;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every topic Loadwise publishes to, each with its dead-letter topic, created (or left as they
 * are) by Spring's {@link KafkaAdmin} at start-up, so no deployment depends on the broker's
 * auto-creation. A new externalized event adds its topic to {@link #EVENT_TOPICS}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
public class EventTopics {

    /** Where a consumer's failed records go: {@code <topic>.DLT}, same partition as the original. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    /** The topics of all externalized events. */
    public static final List<String> EVENT_TOPICS = List.of(
            ClientInvited.TOPIC,
            IntakeSubmitted.TOPIC,
            MessagePosted.TOPIC,
            TenantSignedUp.TOPIC,
            CoachInvited.TOPIC,
            PlanAssigned.TOPIC,
            PlanAdjusted.TOPIC,
            SessionMissed.TOPIC,
            CheckInRecorded.TOPIC,
            SessionLogged.TOPIC,
            AdjustmentProposed.TOPIC,
            OrderPaid.TOPIC,
            SubscriptionStarted.TOPIC,
            SubscriptionPastDue.TOPIC,
            SubscriptionCanceled.TOPIC,
            RefundIssued.TOPIC,
            DisputeOpened.TOPIC,
            ClientFlagRaised.TOPIC);

    public static String deadLetterTopic(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    @Bean
    KafkaAdmin.NewTopics loadwiseEventTopics(EventsProperties properties) {
        // The DLT has the same partition count: the recoverer keeps a record's partition, and
        // with it the tenant's order, when dead-lettering.
        return new KafkaAdmin.NewTopics(EVENT_TOPICS.stream()
                .flatMap(topic -> Stream.of(topic, deadLetterTopic(topic)))
                .map(topic -> TopicBuilder.name(topic)
                        .partitions(properties.partitions())
                        .replicas(properties.replicas())
                        .build())
                .toArray(NewTopic[]::new));
    }
}
