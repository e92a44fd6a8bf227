package io.loadwise.notifications.events;

import static io.loadwise.notifications.events.Fixtures.PATIENCE;
import static io.loadwise.notifications.events.Fixtures.awaitEmails;
import static io.loadwise.notifications.events.Fixtures.email;
import static io.loadwise.notifications.events.Fixtures.member;
import static io.loadwise.notifications.events.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loadwise.events.EventTopics;
import io.loadwise.events.UnprocessableEventException;
import io.loadwise.notifications.Channel;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.Recipient;
import io.loadwise.notifications.RenderRequest;
import io.loadwise.notifications.SecretLinks;
import io.loadwise.notifications.events.Fixtures.Row;
import io.loadwise.notifications.events.internal.EventIntake;
import io.loadwise.onboarding.AccountLinkPurpose;
import io.loadwise.onboarding.AccountLinks;
import io.loadwise.onboarding.TenantSignedUp;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientInvited;
import io.loadwise.team.CoachInvited;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.testsupport.TopicRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Through real PostgreSQL and Kafka: invites and signups become one account email each (no inbox
 * entry: the account doesn't exist yet), whose set-password link is issued only when the mail is
 * rendered; a redelivery stores nothing twice; a poison record is parked and counted and the next
 * record is still handled.
 */
@IntegrationTest
@Import(StandInNotifier.class)
@DirtiesContext // stops this context's consumers, so later test classes own the consumer group
class AccountNotificationsIT {

    static final Pattern WELCOME = Pattern.compile("https://coach\\.example\\.test/welcome/([A-Za-z0-9_-]{80,})");

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    List<SecretLinks> secretLinks;

    @Autowired
    AccountLinks accountLinks;

    @Autowired
    MeterRegistry meters;

    Tenant tenant;

    @BeforeEach
    void aCoachingBusiness() {
        tenant = TestTenants.create("Stride Coaching");
    }

    @Autowired
    io.loadwise.notifications.NotificationRenderer renderer;

    @org.junit.jupiter.api.AfterEach
    void everyStoredEmailRendersWithTheTemplates() {
        Fixtures.renderEveryEmail(renderer, tenant.id());
    }

    @Test
    void an_invite_becomes_one_client_invite_email_with_its_model_and_a_redelivery_adds_nothing() {
        ClientInvited invite = clientInvite(email("dana"), "Dana Client");

        tx.executeWithoutResult(s -> events.publishEvent(invite));

        Row row = awaitEmails(tenant.id(), "CLIENT_INVITE").getFirst();
        assertThat(row.email()).isEqualTo(invite.email());
        assertThat(row.eventId()).isEqualTo(invite.eventId());
        assertThat(row.model())
                .containsEntry("invitedBy", "Coach Carla")
                .containsEntry("memberId", invite.memberId().toString())
                .containsKeys(NotificationType.CLIENT_INVITE.required().toArray(String[]::new));
        assertThat(row.link())
                .as("the secret link is issued at render time, never stored")
                .isNull();

        // A redelivery as Kafka makes it: the very same key and bytes, another offset.
        ConsumerRecord<String, byte[]> original = recordOf(ClientInvited.TOPIC, invite.eventId());
        assertThat(original.key()).isEqualTo(tenant.id().toString());
        var duplicate = kafka.send(new ProducerRecord<>(ClientInvited.TOPIC, original.key(), original.value()))
                .join();
        awaitConsumed(
                ClientInvited.TOPIC,
                duplicate.getRecordMetadata().partition(),
                duplicate.getRecordMetadata().offset());

        assertThat(rows(tenant.id()))
                .as("one email, and no inbox entry before the account exists")
                .singleElement()
                .satisfies(r -> assertThat(r.channel()).isEqualTo("email"));
    }

    @Test
    void a_coach_invite_and_a_signup_become_their_account_emails() {
        UUID coach = member(tenant.id(), "coach", email("sam"), "Sam Coach");
        var invite = new CoachInvited(
                UUID.randomUUID(),
                tenant.id(),
                coach,
                email("sam"),
                "Sam Coach",
                "coach",
                tenant.name(),
                tenant.slug(),
                "Ruth",
                Instant.now());
        UUID owner = member(tenant.id(), "owner", email("ruth"), "Ruth Owner");
        var signup = new TenantSignedUp(
                UUID.randomUUID(),
                tenant.id(),
                owner,
                email("ruth"),
                "Ruth Owner",
                tenant.name(),
                tenant.slug(),
                Instant.now());

        tx.executeWithoutResult(s -> {
            events.publishEvent(invite);
            events.publishEvent(signup);
        });

        Row coachMail = awaitEmails(tenant.id(), "COACH_INVITE").getFirst();
        assertThat(coachMail.email()).isEqualTo(invite.email());
        assertThat(coachMail.model())
                .containsEntry("role", "coach")
                .containsEntry("invitedBy", "Ruth")
                .containsEntry("memberId", coach.toString());
        Row confirmation = awaitEmails(tenant.id(), "SIGNUP_CONFIRMATION").getFirst();
        assertThat(confirmation.email()).isEqualTo(signup.ownerEmail());
        assertThat(confirmation.model()).containsEntry("memberId", owner.toString());
    }

    @Test
    void the_account_mails_get_a_fresh_set_password_link_of_the_right_purpose_at_render_time() {
        UUID client = member(tenant.id(), "client", email("dana"), "Dana");
        UUID owner = member(tenant.id(), "owner", email("ruth"), "Ruth");

        String inviteLink =
                link(render(NotificationType.CLIENT_INVITE, Channel.EMAIL, Map.of("memberId", client.toString())));
        String signupLink =
                link(render(NotificationType.SIGNUP_CONFIRMATION, Channel.EMAIL, Map.of("memberId", owner.toString())));

        assertThat(accountLinks.inspect(token(inviteLink)).purpose()).isEqualTo(AccountLinkPurpose.INVITE);
        assertThat(accountLinks.inspect(token(signupLink)).purpose()).isEqualTo(AccountLinkPurpose.VERIFY_EMAIL);
        assertThat(secretLinks.stream()
                        .map(l -> l.issue(render(
                                NotificationType.CLIENT_INVITE, Channel.IN_APP, Map.of("memberId", client.toString()))))
                        .flatMap(java.util.Optional::stream))
                .as("no secret in an inbox entry")
                .isEmpty();
        assertThat(secretLinks.stream()
                        .map(l -> l.issue(render(
                                NotificationType.RECEIPT,
                                Channel.EMAIL,
                                Map.of("orderId", UUID.randomUUID().toString(), "offerKind", "guide"))))
                        .flatMap(java.util.Optional::stream))
                .as("without billing there is no download link: the receipt links to the purchases page")
                .isEmpty();
    }

    @Test
    void a_poison_record_is_parked_and_counted_and_the_next_record_is_still_handled() {
        double unreadable = skipped("unreadable");
        double noEmail = skipped("no_email");
        double incomplete = skipped("incomplete");
        double malformed = skipped("malformed_email");
        String garbage = "not-json-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(
                        ClientInvited.TOPIC, tenant.id().toString(), garbage.getBytes(StandardCharsets.UTF_8)))
                .join();
        // Another shape (a future version without the fields we need) and a recipient without an address.
        kafka.send(new ProducerRecord<>(
                        ClientInvited.TOPIC,
                        tenant.id().toString(),
                        ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"schema\":2}").getBytes(StandardCharsets.UTF_8)))
                .join();
        ClientInvited noAddress = clientInvite(" ", "Nobody");
        ClientInvited notAnAddress = clientInvite("jess at example dot com", "Typo");
        ClientInvited good = clientInvite(email("after"), "After Poison");

        tx.executeWithoutResult(s -> {
            events.publishEvent(noAddress);
            events.publishEvent(notAnAddress);
            events.publishEvent(good);
        });

        Row row = awaitEmails(tenant.id(), "CLIENT_INVITE").getFirst();
        assertThat(row.email()).isEqualTo(good.email());
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(skipped("unreadable")).isGreaterThanOrEqualTo(unreadable + 1);
            assertThat(skipped("incomplete")).isGreaterThanOrEqualTo(incomplete + 1);
            assertThat(skipped("no_email")).isGreaterThanOrEqualTo(noEmail + 1);
            assertThat(skipped("malformed_email")).isGreaterThanOrEqualTo(malformed + 1);
        });
        ConsumerRecord<String, byte[]> dead =
                TopicRecords.await(EventTopics.deadLetterTopic(ClientInvited.TOPIC), PATIENCE, r -> new String(
                                r.value(), StandardCharsets.UTF_8)
                        .equals(garbage));
        assertThat(TopicRecords.header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(UnprocessableEventException.class.getName());
        assertThat(rows(tenant.id())).extracting(Row::email).containsExactly(good.email());
    }

    @Test
    void the_worker_role_runs_the_consumers_in_the_notifications_group() {
        for (String id : List.of(
                "notifications-accounts",
                "notifications-commerce",
                "notifications-coaching",
                "notifications-messages")) {
            var container = listeners.getListenerContainer(id);
            assertThat(container).as(id).isNotNull();
            assertThat(container.isRunning()).isTrue();
            assertThat(container.getGroupId()).isEqualTo("loadwise-notifications");
        }
    }

    private ClientInvited clientInvite(String address, String name) {
        UUID member = member(tenant.id(), "client", address.contains("@") ? address : email("no-address"), name);
        return new ClientInvited(
                UUID.randomUUID(),
                tenant.id(),
                new ClientId(UUID.randomUUID()),
                member,
                address,
                name,
                tenant.name(),
                tenant.slug(),
                "Coach Carla",
                Instant.now());
    }

    private RenderRequest render(NotificationType type, Channel channel, Map<String, Object> model) {
        return new RenderRequest(
                UUID.randomUUID(),
                tenant.id(),
                type,
                channel,
                new Recipient("someone@example.com", "Someone", null),
                Locale.ENGLISH,
                ZoneId.of("UTC"),
                model,
                null);
    }

    private String link(RenderRequest request) {
        return secretLinks.stream()
                .map(l -> l.issue(request))
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElseThrow();
    }

    private static String token(String link) {
        Matcher matcher = WELCOME.matcher(link);
        assertThat(matcher.matches()).as(link).isTrue();
        return matcher.group(1);
    }

    private double skipped(String reason) {
        var counter = meters.find(EventIntake.SKIPPED)
                .tag("reason", reason)
                .tag("topic", ClientInvited.TOPIC)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static ConsumerRecord<String, byte[]> recordOf(String topic, UUID eventId) {
        return TopicRecords.await(
                topic, PATIENCE, r -> new String(r.value(), StandardCharsets.UTF_8).contains(eventId.toString()));
    }

    static void awaitConsumed(String topic, int partition, long offset) {
        ConsumerRecord<String, byte[]> redelivered =
                TopicRecords.await(topic, PATIENCE, r -> r.partition() == partition && r.offset() == offset);
        TopicRecords.awaitConsumed("loadwise-notifications", redelivered, PATIENCE);
    }
}
