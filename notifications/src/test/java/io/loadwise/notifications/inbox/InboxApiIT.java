package io.loadwise.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The inbox API with real Keycloak tokens and PostgreSQL under row level security. */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxApiIT {

    @LocalServerPort
    int port;

    KeycloakTestData keycloakData;
    Http api;

    @BeforeAll
    void setUp() {
        keycloakData = KeycloakTestData.of(TestInfrastructure.keycloak());
        api = new Http(port);
    }

    @AfterAll
    void close() {
        keycloakData.close();
    }

    @Test
    void a_client_pages_through_her_inbox_newest_first_and_reads_entries_one_by_one_or_all_at_once() {
        People b = freshBusiness();
        String ann = b.token(b.ann);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
        List<UUID> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(InboxRows.deliver(b.tenant, b.annMember, "Entry " + i, start.plusSeconds(i)));
        }
        InboxRows.deliver(b.tenant, b.leadMember, "For the coach", start);

        JsonNode first = ok(api.get(ann, "/api/v1/me/inbox?limit=2"));
        assertThat(titles(first)).containsExactly("Entry 5", "Entry 4");
        assertThat(first.get("unread").asLong()).isEqualTo(5);
        JsonNode entry = first.get("items").get(0);
        assertThat(entry.get("type").asString()).isEqualTo("plan-adjusted");
        assertThat(entry.get("body").asString()).isEqualTo("Your plan changed: Entry 5");
        assertThat(entry.get("link").asString()).isEqualTo("/t/stride/me/plan");
        assertThat(entry.get("unread").asBoolean()).isTrue();
        JsonNode second = ok(api.get(
                ann,
                "/api/v1/me/inbox?limit=2&cursor=" + first.get("nextCursor").asString()));
        assertThat(titles(second)).containsExactly("Entry 3", "Entry 2");
        JsonNode last = ok(api.get(
                ann,
                "/api/v1/me/inbox?limit=2&cursor=" + second.get("nextCursor").asString()));
        assertThat(titles(last)).containsExactly("Entry 1");
        assertThat(last.get("nextCursor").isNull()).isTrue();

        JsonNode read = ok(api.post(ann, "/api/v1/me/inbox/" + ids.get(2) + "/read"));
        assertThat(read.get("unread").asBoolean()).isFalse();
        assertThat(read.get("readAt").isNull()).isFalse();
        assertThat(ok(api.get(ann, "/api/v1/me/inbox/unread")).get("unread").asLong())
                .isEqualTo(4);
        JsonNode again = ok(api.post(ann, "/api/v1/me/inbox/" + ids.get(2) + "/read"));
        assertThat(again.get("readAt").asString())
                .as("reading again keeps the first read time")
                .isEqualTo(read.get("readAt").asString());

        assertThat(ok(api.post(ann, "/api/v1/me/inbox/read")).get("marked").asInt())
                .isEqualTo(4);
        assertThat(ok(api.get(ann, "/api/v1/me/inbox/unread")).get("unread").asLong())
                .isZero();
        assertThat(ok(api.get(b.token(b.lead), "/api/v1/me/inbox/unread"))
                        .get("unread")
                        .asLong())
                .as("the coach's own entry is untouched")
                .isEqualTo(1);
    }

    @Test
    void someone_elses_entry_an_unknown_id_and_bad_paging_are_refused_with_problem_details() {
        People b = freshBusiness();
        UUID annsEntry = InboxRows.deliver(b.tenant, b.annMember, "Ann's", Instant.now());
        String bea = b.token(b.bea);

        HttpResponse<String> others = api.post(bea, "/api/v1/me/inbox/" + annsEntry + "/read");
        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(others.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.json(others).get("type").asString()).endsWith("/inbox-entry-not-found");

        assertThat(api.post(bea, "/api/v1/me/inbox/" + UUID.randomUUID() + "/read")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.post(bea, "/api/v1/me/inbox/not-a-uuid/read").statusCode())
                .isEqualTo(400);
        HttpResponse<String> tooMany = api.get(bea, "/api/v1/me/inbox?limit=1000");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(api.json(tooMany).get("detail").asString()).contains("limit must be between 1 and 100");
        assertThat(api.get(bea, "/api/v1/me/inbox?cursor=garbage").statusCode()).isEqualTo(400);
        assertThat(ok(api.get(b.token(b.ann), "/api/v1/me/inbox/unread"))
                        .get("unread")
                        .asLong())
                .as("Bea's attempt read nothing of Ann's")
                .isPositive();
    }

    @Test
    void without_a_token_the_inbox_is_401() {
        assertThat(api.get("not-a-token", "/api/v1/me/inbox").statusCode()).isEqualTo(401);
    }

    private People freshBusiness() {
        return new People(TestInfrastructure.keycloak(), keycloakData);
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return api.json(response);
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }
}
