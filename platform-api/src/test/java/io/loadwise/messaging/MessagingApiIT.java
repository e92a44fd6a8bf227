package io.loadwise.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TopicRecords;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A client and her coaches write to each other through the API, with real Keycloak tokens, real
 * PostgreSQL under row level security and real Kafka.
 */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagingApiIT {

    @LocalServerPort
    int port;

    KeycloakTestData keycloakData;
    ApiCalls api;

    @BeforeAll
    void adminClient() {
        keycloakData = KeycloakTestData.of(TestInfrastructure.keycloak());
        api = new ApiCalls(port);
    }

    @AfterAll
    void close() {
        keycloakData.close();
    }

    PeopleOfABusiness freshBusiness() {
        return PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "stride");
    }

    @Test
    void a_client_and_her_coaches_see_unread_counts_rise_and_fall_back_to_zero_when_read() {
        var b = freshBusiness();
        String ann = b.token(b.ann);
        String lead = b.token(b.lead);
        String coCoach = b.token(b.coCoach);
        String owner = b.token(b.owner);
        String other = b.token(b.otherCoach);

        HttpResponse<String> posted = api.post(
                ann, "/api/v1/me/messages", Map.of("body", "Hamstring ached after the tempo run.\nSkip Friday?"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        assertThat(api.json(posted).get("authorRole").asString()).isEqualTo("client");

        assertThat(unreadIn(lead, b)).isEqualTo(1);
        assertThat(unreadIn(coCoach, b)).isEqualTo(1);
        assertThat(unreadIn(owner, b)).isEqualTo(1);
        assertThat(api.json(api.get(other, "/api/v1/messages/unread"))
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.json(api.get(ann, "/api/v1/messages/unread"))
                        .get("total")
                        .asInt())
                .as("her own message is not unread for her")
                .isZero();

        JsonNode thread = api.json(api.get(lead, "/api/v1/clients/" + b.annClient + "/messages"));
        assertThat(bodies(thread)).containsExactly("Hamstring ached after the tempo run.\nSkip Friday?");
        assertThat(thread.get("items").get(0).get("authorName").asString()).isEqualTo("Ann Runner");
        assertThat(thread.get("items").get(0).get("fromMe").asBoolean()).isFalse();

        assertThat(api.post(lead, "/api/v1/clients/" + b.annClient + "/messages/read", null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(unreadIn(lead, b)).isZero();
        assertThat(unreadIn(coCoach, b)).as("each coach reads for themselves").isEqualTo(1);

        HttpResponse<String> reply = api.post(
                lead, "/api/v1/clients/" + b.annClient + "/messages", Map.of("body", "Yes, swap it for an easy 30'."));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        assertThat(api.json(reply).get("authorMemberId").asString()).isEqualTo(b.leadMember.toString());

        JsonNode annUnread = api.json(api.get(ann, "/api/v1/messages/unread"));
        assertThat(annUnread.get("total").asInt()).isEqualTo(1);
        assertThat(annUnread.get("threads").get(0).get("clientId").asString()).isEqualTo(b.annClient.toString());
        JsonNode mine = api.json(api.get(ann, "/api/v1/me/messages"));
        assertThat(bodies(mine))
                .containsExactly("Hamstring ached after the tempo run.\nSkip Friday?", "Yes, swap it for an easy 30'.");
        assertThat(api.post(ann, "/api/v1/me/messages/read", null).statusCode()).isEqualTo(204);
        assertThat(api.json(api.get(ann, "/api/v1/messages/unread"))
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(unreadIn(coCoach, b)).isEqualTo(2);
    }

    @Test
    void a_coach_not_assigned_to_the_client_and_coaches_of_other_businesses_get_404() {
        var b = freshBusiness();
        var other = freshBusiness();
        api.post(b.token(b.ann), "/api/v1/me/messages", Map.of("body", "Private to my coaches"));

        for (String token : List.of(b.token(b.otherCoach), other.token(other.owner), other.token(other.lead))) {
            HttpResponse<String> read = api.get(token, "/api/v1/clients/" + b.annClient + "/messages");
            assertThat(read.statusCode()).isEqualTo(404);
            assertThat(read.body()).doesNotContain("Private to my coaches");
            assertThat(api.post(token, "/api/v1/clients/" + b.annClient + "/messages", Map.of("body", "hi"))
                            .statusCode())
                    .isEqualTo(404);
            assertThat(api.post(token, "/api/v1/clients/" + b.annClient + "/messages/read", null)
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void a_client_cannot_read_or_write_another_clients_thread() {
        var b = freshBusiness();
        String bea = b.token(b.bea);
        api.post(bea, "/api/v1/me/messages", Map.of("body", "Bea's own worry"));
        String ann = b.token(b.ann);

        HttpResponse<String> read = api.get(ann, "/api/v1/clients/" + b.beaClient + "/messages");
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("Bea's own worry");
        assertThat(api.post(ann, "/api/v1/clients/" + b.beaClient + "/messages", Map.of("body", "hello"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(bodies(api.json(api.get(ann, "/api/v1/me/messages")))).isEmpty();
    }

    @Test
    void html_in_a_message_is_stored_and_returned_exactly_as_written() {
        var b = freshBusiness();
        String html = "<script>alert('x')</script> <b>bold</b> & \"quotes\"";

        api.post(b.token(b.ann), "/api/v1/me/messages", Map.of("body", html));

        assertThat(bodies(api.json(api.get(b.token(b.lead), "/api/v1/clients/" + b.annClient + "/messages"))))
                .containsExactly(html);
    }

    @Test
    void an_empty_or_overlong_message_is_a_bad_request() {
        var b = freshBusiness();
        String ann = b.token(b.ann);

        HttpResponse<String> blank = api.post(ann, "/api/v1/me/messages", Map.of("body", "   \n "));
        HttpResponse<String> tooLong = api.post(ann, "/api/v1/me/messages", Map.of("body", "x".repeat(10_001)));
        HttpResponse<String> longest =
                api.post(ann, "/api/v1/me/messages", Map.of("body", " " + "y".repeat(10_000) + "\n"));

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("needs some text");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 10000 characters");
        assertThat(longest.statusCode()).isEqualTo(201);
    }

    @Test
    void a_thread_pages_back_from_the_newest_messages() {
        var b = freshBusiness();
        String ann = b.token(b.ann);
        for (String text : List.of("one", "two", "three")) {
            api.post(ann, "/api/v1/me/messages", Map.of("body", text));
        }
        String lead = b.token(b.lead);

        JsonNode newest = api.json(api.get(lead, "/api/v1/clients/" + b.annClient + "/messages?limit=2"));
        assertThat(bodies(newest)).containsExactly("two", "three");
        JsonNode older = api.json(api.get(
                lead,
                "/api/v1/clients/" + b.annClient + "/messages?limit=2&cursor="
                        + newest.get("nextCursor").asString()));
        assertThat(bodies(older)).containsExactly("one");
        assertThat(older.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void each_message_raises_one_message_posted_event_on_kafka_keyed_by_tenant_without_its_text() {
        var b = freshBusiness();
        String first = api.json(api.post(b.token(b.ann), "/api/v1/me/messages", Map.of("body", "secret knee story")))
                .get("id")
                .asString();
        String second = api.json(api.post(
                        b.token(b.lead), "/api/v1/clients/" + b.annClient + "/messages", Map.of("body", "noted")))
                .get("id")
                .asString();

        ConsumerRecord<String, byte[]> record =
                TopicRecords.await(MessagePosted.TOPIC, Duration.ofSeconds(30), r -> text(r).contains(first));
        assertThat(record.key()).isEqualTo(b.tenant.toString());
        assertThat(text(record)).doesNotContain("secret knee story").contains("\"authorRole\":\"client\"");
        TopicRecords.await(MessagePosted.TOPIC, Duration.ofSeconds(30), r -> text(r).contains(second));

        List<ConsumerRecord<String, byte[]>> all =
                allRecords(MessagePosted.TOPIC, r -> b.tenant.toString().equals(r.key()));
        assertThat(all).filteredOn(r -> text(r).contains(first)).hasSize(1);
        assertThat(all).filteredOn(r -> text(r).contains(second)).hasSize(1);
        assertThat(all).hasSize(2);
    }

    private int unreadIn(String token, PeopleOfABusiness b) {
        JsonNode unread = api.json(api.get(token, "/api/v1/messages/unread"));
        int count = 0;
        for (JsonNode thread : unread.get("threads")) {
            if (thread.get("clientId").asString().equals(b.annClient.toString())) {
                count = thread.get("unread").asInt();
            }
        }
        return count;
    }

    private static List<String> bodies(JsonNode page) {
        List<String> bodies = new ArrayList<>();
        page.get("items").forEach(item -> bodies.add(item.get("body").asString()));
        return bodies;
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    /** Every matching record on the topic, read from the beginning until a few quiet seconds pass. */
    private static List<ConsumerRecord<String, byte[]>> allRecords(
            String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafka().bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    Optional.ofNullable(consumer.partitionsFor(topic, Duration.ofSeconds(5))).stream()
                            .flatMap(List::stream)
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Long enough for a duplicate publication, were there one, to arrive too.
            Instant quietUntil = Instant.now().plusSeconds(3);
            while (Instant.now().isBefore(quietUntil)) {
                for (var record : consumer.poll(Duration.ofMillis(250))) {
                    if (match.test(record)) {
                        found.add(record);
                        quietUntil = Instant.now().plusSeconds(3);
                    }
                }
            }
        }
        return found;
    }
}
