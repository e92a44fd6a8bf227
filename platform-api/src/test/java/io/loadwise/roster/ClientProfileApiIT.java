package io.loadwise.roster;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.CLIENT_CONSENTS;
import static io.loadwise.jooq.Tables.CLIENT_FLAGS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.TENANTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakServer;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The roster and client profile API with real Keycloak tokens on real PostgreSQL: who sees which
 * client, search/filter/sort across keyset pages, optimistic concurrency, consent to sensitive
 * data, and coach-private notes.
 */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientProfileApiIT {

    static final String PASSWORD = "profile-api-password";
    static final String HTML_NAME = "<script>alert('x')</script> Ivy & \"Co\"";

    @Autowired
    Environment environment;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    final KeycloakServer keycloak = TestInfrastructure.keycloak();
    final Map<String, String> tokens = new HashMap<>();

    KeycloakTestData keycloakData;
    Tenant alpha;
    Tenant beta;
    String owner;
    String coachA;
    String coachB;
    String clientUser;
    UUID coachAMember;
    UUID coachBMember;
    UUID ownerMember;
    UUID ana; // the client who signs in herself, led by coach A
    UUID ben; // led by coach B, co-coached by coach A
    UUID cleo; // led by coach B only
    UUID betaClient;
    List<UUID> alphaClients = new ArrayList<>();

    @BeforeAll
    void twoBusinessesWithCoachesAndClients() {
        keycloakData = KeycloakTestData.of(keycloak);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String alphaOrg = keycloakData.createOrganization("alpha-p-" + run, "Alpha Profiles " + run);
        String betaOrg = keycloakData.createOrganization("beta-p-" + run, "Beta Profiles " + run);
        alpha = tenant(TenantId.of(alphaOrg), "alpha-p-" + run);
        beta = tenant(TenantId.of(betaOrg), "beta-p-" + run);
        owner = "owner-" + run;
        coachA = "coach-a-" + run;
        coachB = "coach-b-" + run;
        clientUser = "ana-" + run;
        String betaOwner = "beta-owner-" + run;
        UUID ownerUser = UUID.fromString(keycloakData.createUser(owner, PASSWORD, alphaOrg, "coach"));
        UUID coachAUser = UUID.fromString(keycloakData.createUser(coachA, PASSWORD, alphaOrg, "coach"));
        UUID coachBUser = UUID.fromString(keycloakData.createUser(coachB, PASSWORD, alphaOrg, "coach"));
        UUID anaUser = UUID.fromString(keycloakData.createUser(clientUser, PASSWORD, alphaOrg, "client"));
        UUID betaOwnerUser = UUID.fromString(keycloakData.createUser(betaOwner, PASSWORD, betaOrg, "coach"));

        ownerMember = member(alpha.id(), ownerUser, "owner", "Olive Owner");
        coachAMember = member(alpha.id(), coachAUser, "coach", "Ada Coach");
        coachBMember = member(alpha.id(), coachBUser, "coach", "Bo Coach");
        UUID anaMember = member(alpha.id(), anaUser, "client", "Ana Lima");
        member(beta.id(), betaOwnerUser, "owner", "Beta Owner");

        OffsetDateTime t0 = OffsetDateTime.now().minusDays(1);
        ana = client(
                alpha.id(),
                anaMember,
                "Ana Lima",
                "ana-" + run + "@example.com",
                "active",
                coachAMember,
                new String[] {"marathon", "masters", "base"},
                t0.plusMinutes(5));
        ben = client(
                alpha.id(),
                null,
                "Ben Ortiz",
                "ben@example.com",
                "lead",
                coachBMember,
                new String[] {"marathon", "base"},
                t0.plusMinutes(1));
        cleo = client(
                alpha.id(),
                null,
                "cleo park",
                "cleo@example.com",
                "paused",
                coachBMember,
                new String[] {"base"},
                t0.plusMinutes(3));
        UUID dan = client(
                alpha.id(),
                null,
                "Dan Whitaker",
                "dan@sample.org",
                "alumni",
                null,
                new String[] {"trail", "base"},
                t0.plusMinutes(2));
        UUID eve = client(
                alpha.id(),
                null,
                "Eve Adams",
                "eve@example.com",
                "active",
                coachBMember,
                new String[] {"trail", "masters", "base"},
                t0.plusMinutes(4));
        UUID html = client(
                alpha.id(), null, HTML_NAME, "ivy@example.com", "lead", null, new String[] {"base"}, t0.plusMinutes(6));
        UUID same1 = client(
                alpha.id(),
                null,
                "Sam Same",
                "sam1@example.com",
                "active",
                null,
                new String[] {"base"},
                t0.plusMinutes(7));
        UUID same2 = client(
                alpha.id(),
                null,
                "Sam Same",
                "sam2@example.com",
                "active",
                null,
                new String[] {"base"},
                t0.plusMinutes(7));
        alphaClients.addAll(List.of(ana, ben, cleo, dan, eve, html, same1, same2));
        betaClient =
                client(beta.id(), null, "Zed Beta", "zed@example.com", "active", null, new String[] {"marathon"}, t0);
        TestTenants.seed(alpha.id(), db -> {
            db.insertInto(CLIENT_COACHES)
                    .set(CLIENT_COACHES.TENANT_ID, alpha.id().value())
                    .set(CLIENT_COACHES.CLIENT_ID, ben)
                    .set(CLIENT_COACHES.COACH_ID, coachAMember)
                    .set(CLIENT_COACHES.ASSIGNED_AT, OffsetDateTime.now())
                    .execute();
            db.insertInto(CLIENT_FLAGS)
                    .set(CLIENT_FLAGS.TENANT_ID, alpha.id().value())
                    .set(CLIENT_FLAGS.CLIENT_ID, eve)
                    .set(CLIENT_FLAGS.KIND, "pain_spike")
                    .set(CLIENT_FLAGS.DETAIL, "Pain 6/10 after intervals")
                    .set(CLIENT_FLAGS.RAISED_AT, OffsetDateTime.now())
                    .execute();
        });
        for (String user : List.of(owner, coachA, coachB, clientUser, betaOwner)) {
            tokens.put(user, keycloak.tokenFor(user, PASSWORD));
        }
        tokens.put("betaOwner", tokens.get(betaOwner));
    }

    @AfterAll
    void closeAdminClient() {
        keycloakData.close();
    }

    // --- who sees whom ------------------------------------------------------------------------------

    @Test
    void the_owner_sees_every_client_of_the_business_and_none_of_another() throws Exception {
        assertThat(ids(get(owner, "/api/v1/clients?limit=200")))
                .containsAll(alphaClients)
                .doesNotContain(betaClient);
        assertThat(ids(get("betaOwner", "/api/v1/clients?limit=200"))).containsExactly(betaClient);
    }

    @Test
    void a_coach_sees_only_the_clients_they_lead_or_co_coach() throws Exception {
        assertThat(ids(get(coachA, "/api/v1/clients?tag=base"))).containsExactlyInAnyOrder(ana, ben);
        assertThat(ids(get(coachA, "/api/v1/clients?limit=200")))
                .contains(ana, ben)
                .doesNotContain(cleo, betaClient);
        assertThat(status(get(coachA, "/api/v1/clients/" + cleo))).isEqualTo(404);
        assertThat(status(get(coachA, "/api/v1/clients/" + ben))).isEqualTo(200);
    }

    @Test
    void clients_do_not_browse_the_roster() throws Exception {
        HttpResponse<String> response = get(clientUser, "/api/v1/clients");
        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response);
    }

    @Test
    void another_businesss_client_is_not_found_for_reading_writing_or_notes() throws Exception {
        String path = "/api/v1/clients/" + betaClient;
        assertThat(status(get(owner, path))).isEqualTo(404);
        assertThat(status(send("PUT", owner, path, profileJson("Zed", "active", "[]"), "\"0\"")))
                .isEqualTo(404);
        assertThat(status(get(owner, path + "/notes"))).isEqualTo(404);
        assertThat(status(send("POST", owner, path + "/notes", "{\"body\":\"x\"}", null)))
                .isEqualTo(404);
        assertThat(status(send("POST", owner, path + "/injuries", "{\"condition\":\"x\"}", null)))
                .isEqualTo(404);
        HttpResponse<String> unknown = get(owner, "/api/v1/clients/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown);
    }

    // --- search, filter, sort -----------------------------------------------------------------------

    @Test
    void search_matches_part_of_a_name_or_email_ignoring_case() throws Exception {
        assertThat(names(get(owner, "/api/v1/clients?q=" + enc("CLEO")))).containsExactly("cleo park");
        assertThat(names(get(owner, "/api/v1/clients?q=sample.org"))).containsExactly("Dan Whitaker");
        assertThat(names(get(owner, "/api/v1/clients?q=" + enc("100%")))).isEmpty();
        assertThat(names(get(owner, "/api/v1/clients?q=" + enc("<script>")))).containsExactly(HTML_NAME);
    }

    @Test
    void filters_combine_status_tag_coach_and_flag() throws Exception {
        assertThat(names(get(owner, "/api/v1/clients?tag=base&status=paused&status=alumni")))
                .containsExactlyInAnyOrder("cleo park", "Dan Whitaker");
        assertThat(names(get(owner, "/api/v1/clients?tag=base&status=paused,alumni")))
                .containsExactlyInAnyOrder("cleo park", "Dan Whitaker");
        assertThat(names(get(owner, "/api/v1/clients?tag=MASTERS"))).containsExactlyInAnyOrder("Ana Lima", "Eve Adams");
        assertThat(names(get(owner, "/api/v1/clients?tag=marathon&status=lead")))
                .containsExactly("Ben Ortiz");
        assertThat(names(get(owner, "/api/v1/clients?tag=base&coach=" + coachBMember)))
                .containsExactlyInAnyOrder("Ben Ortiz", "cleo park", "Eve Adams");
        assertThat(names(get(coachA, "/api/v1/clients?tag=base&coach=me")))
                .containsExactlyInAnyOrder("Ana Lima", "Ben Ortiz");
        assertThat(names(get(owner, "/api/v1/clients?coach=me"))).isEmpty();
        JsonNode flagged = items(get(owner, "/api/v1/clients?flag=pain_spike"));
        assertThat(flagged).hasSize(1);
        assertThat(flagged.get(0).get("displayName").asString()).isEqualTo("Eve Adams");
        assertThat(flagged.get(0).get("flags").get(0).asString()).isEqualTo("pain_spike");
        assertThat(flagged.get(0).get("coachName").asString()).isEqualTo("Bo Coach");
        assertThat(flagged.get(0).get("tags").toString()).isEqualTo("[\"trail\",\"masters\",\"base\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "-name", "created", "-created", "status"})
    void every_sort_pages_through_all_clients_exactly_once_in_order(String sort) throws Exception {
        List<UUID> all = ids(get(owner, "/api/v1/clients?tag=base&limit=200&sort=" + enc(sort)));
        assertThat(all).containsExactlyInAnyOrderElementsOf(alphaClients);

        List<UUID> paged = new ArrayList<>();
        String next = "/api/v1/clients?tag=base&limit=3&sort=" + enc(sort);
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = get(owner, next);
            paged.addAll(ids(page));
            next = nextLink(page);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void the_sorts_order_as_named() throws Exception {
        List<UUID> byName = ids(get(owner, "/api/v1/clients?tag=base&limit=200&sort=name"));
        List<UUID> byNameDesc = ids(get(owner, "/api/v1/clients?tag=base&limit=200&sort=-name"));
        assertThat(byNameDesc).isEqualTo(byName.reversed());
        assertThat(names(get(owner, "/api/v1/clients?tag=base&limit=3&sort=created")))
                .containsExactly("Ben Ortiz", "Dan Whitaker", "cleo park");
        assertThat(names(get(owner, "/api/v1/clients?tag=base&limit=2&sort=-created")))
                .containsExactly("Sam Same", "Sam Same");
        assertThat(statuses(get(owner, "/api/v1/clients?limit=200&sort=status")))
                .isSortedAccordingTo(String::compareTo);
    }

    @Test
    void a_cursor_of_one_sort_is_refused_for_another_and_a_bad_sort_is_explained() throws Exception {
        HttpResponse<String> first = get(owner, "/api/v1/clients?limit=2&sort=name");
        String cursor = json.readTree(first.body()).get("nextCursor").asString();

        HttpResponse<String> mixed = get(owner, "/api/v1/clients?limit=2&sort=-created&cursor=" + enc(cursor));
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(problem(mixed).get("detail").asString()).contains("sorted by 'name'");

        HttpResponse<String> badSort = get(owner, "/api/v1/clients?sort=age");
        assertThat(badSort.statusCode()).isEqualTo(400);
        assertThat(problem(badSort).get("detail").asString()).contains("'age' is not a roster sort");
        assertThat(problem(get(owner, "/api/v1/clients?status=gone"))
                        .get("detail")
                        .asString())
                .contains("'gone' is not a client status");
        assertThat(status(get(owner, "/api/v1/clients?cursor=garbage"))).isEqualTo(400);
    }

    @Test
    void the_tag_vocabulary_counts_clients_per_tag() throws Exception {
        JsonNode tags = json.readTree(get(owner, "/api/v1/clients/tags").body());
        Map<String, Integer> counts = new HashMap<>();
        tags.forEach(t -> counts.put(t.get("tag").asString(), t.get("count").asInt()));
        assertThat(counts).containsEntry("trail", 2).containsEntry("masters", 2).containsEntry("base", 8);
        assertThat(counts.get("marathon")).isGreaterThanOrEqualTo(2);
    }

    // --- profile and optimistic concurrency -------------------------------------------------------

    @Test
    void a_profile_update_needs_if_match_and_a_stale_one_overwrites_nothing() throws Exception {
        UUID client = newClient("Greta Update");
        String path = "/api/v1/clients/" + client;
        HttpResponse<String> read = get(owner, path);
        String etag = read.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> missing = send("PUT", owner, path, profileJson("Greta One", "active", "[]"), null);
        assertThat(missing.statusCode()).isEqualTo(428);
        assertProblem(missing);

        HttpResponse<String> first = send(
                "PUT", owner, path, profileJson("Greta One", "active", "[\"  Hills \", \"TEMPO\", \"hills\"]"), etag);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        assertThat(json.readTree(first.body()).get("tags").toString()).isEqualTo("[\"hills\",\"tempo\"]");

        HttpResponse<String> second = send("PUT", owner, path, profileJson("Greta Two", "paused", "[]"), etag);
        assertThat(second.statusCode()).isEqualTo(412);
        assertThat(problem(second).get("detail").asString()).contains("changed by someone else");

        JsonNode now = json.readTree(get(owner, path).body());
        assertThat(now.get("displayName").asString()).isEqualTo("Greta One");
        assertThat(now.get("status").asString()).isEqualTo("active");
    }

    @Test
    void bad_profile_input_is_a_400_problem_saying_what_is_wrong() throws Exception {
        UUID client = newClient("Hal Bad");
        String path = "/api/v1/clients/" + client;
        String etag = get(owner, path).headers().firstValue("ETag").orElseThrow();
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        many.append(']');

        assertThat(detail(send("PUT", owner, path, profileJson("Hal", "active", many.toString()), etag)))
                .contains("at most 20 tags");
        assertThat(detail(send("PUT", owner, path, profileJson("Hal", "active", "[\"" + "x".repeat(41) + "\"]"), etag)))
                .contains("longer than 40");
        assertThat(detail(send("PUT", owner, path, profileJson("Hal", "active", "[\" \"]"), etag)))
                .contains("tag cannot be empty");
        assertThat(detail(send("PUT", owner, path, profileJson("Hal", "retired", "[]"), etag)))
                .contains("'retired' is not a client status");
        assertThat(detail(send("PUT", owner, path, profileJson(" ", "active", "[]"), etag)))
                .contains("needs a name");
        assertThat(detail(send(
                        "PUT",
                        owner,
                        path,
                        "{\"displayName\":\"Hal\",\"status\":\"active\",\"weeklyVolumeKm\":1200}",
                        etag)))
                .contains("between 0 and 1000 km");
        assertThat(detail(send(
                        "PUT",
                        owner,
                        path,
                        "{\"displayName\":\"Hal\",\"status\":\"active\",\"ageGroup\":\"old\"}",
                        etag)))
                .contains("'old' is not an age group");
        assertThat(status(send("PUT", owner, path, "{not json", etag))).isEqualTo(400);
    }

    @Test
    void html_in_a_name_is_stored_verbatim() throws Exception {
        JsonNode profile = json.readTree(
                get(owner, "/api/v1/clients/" + alphaClients.get(5)).body());
        assertThat(profile.get("displayName").asString()).isEqualTo(HTML_NAME);
    }

    @Test
    void only_the_owner_assigns_coaches_and_only_coaches_of_the_business() throws Exception {
        UUID client = newClient("Iris Assign");
        String path = "/api/v1/clients/" + client;
        String etag = get(owner, path).headers().firstValue("ETag").orElseThrow();
        String assignment = "{\"leadCoachId\":\"" + coachBMember + "\",\"coCoachIds\":[\"" + coachAMember + "\"]}";

        assertThat(status(send("PUT", coachA, path + "/coaches", assignment, etag)))
                .isEqualTo(404);
        assertThat(detail(
                        send("PUT", owner, path + "/coaches", "{\"leadCoachId\":\"" + UUID.randomUUID() + "\"}", etag)))
                .contains("Not a coach of this business");

        HttpResponse<String> assigned = send("PUT", owner, path + "/coaches", assignment, etag);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
        JsonNode profile = json.readTree(assigned.body());
        assertThat(profile.get("leadCoach").get("name").asString()).isEqualTo("Bo Coach");
        assertThat(profile.get("coCoaches").get(0).get("name").asString()).isEqualTo("Ada Coach");
        assertThat(status(get(coachA, path))).isEqualTo(200);

        String newEtag = assigned.headers().firstValue("ETag").orElseThrow();
        assertThat(status(send("PUT", coachB, path + "/coaches", assignment, newEtag)))
                .isEqualTo(403);
    }

    // --- injuries ----------------------------------------------------------------------------------

    @Test
    void injuries_are_recorded_corrected_and_removed_with_dates_that_make_sense() throws Exception {
        UUID client = newClient("Jo Injury");
        String path = "/api/v1/clients/" + client + "/injuries";
        LocalDate today = LocalDate.now();

        HttpResponse<String> added = send(
                "POST",
                owner,
                path,
                "{\"condition\":\"Proximal hamstring tendinopathy\",\"side\":\"left\",\"since\":\""
                        + today.minusMonths(3) + "\"}",
                null);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String injuryId = json.readTree(added.body()).get("id").asString();

        assertThat(detail(send(
                        "POST", owner, path, "{\"condition\":\"Calf\",\"since\":\"" + today.plusDays(2) + "\"}", null)))
                .contains("cannot start in the future");
        assertThat(detail(send(
                        "POST",
                        owner,
                        path,
                        "{\"condition\":\"Calf\",\"since\":\"" + today.minusDays(2) + "\",\"resolvedOn\":\""
                                + today.minusDays(5) + "\"}",
                        null)))
                .contains("cannot be resolved");
        assertThat(detail(send("POST", owner, path, "{\"condition\":\"Calf\",\"side\":\"middle\"}", null)))
                .contains("'middle' is not a side");
        assertThat(detail(send("POST", owner, path, "{\"side\":\"left\"}", null)))
                .contains("needs a condition");

        HttpResponse<String> resolved = send(
                "PUT",
                owner,
                path + "/" + injuryId,
                "{\"condition\":\"Proximal hamstring tendinopathy\",\"side\":\"left\",\"since\":\""
                        + today.minusMonths(3) + "\",\"resolvedOn\":\"" + today + "\"}",
                null);
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        JsonNode injury = json.readTree(get(owner, "/api/v1/clients/" + client).body())
                .get("injuries")
                .get(0);
        assertThat(injury.get("side").asString()).isEqualTo("left");
        assertThat(injury.get("resolvedOn").asString()).isEqualTo(today.toString());

        assertThat(status(send("DELETE", owner, path + "/" + injuryId, null, null)))
                .isEqualTo(204);
        assertThat(json.readTree(get(owner, "/api/v1/clients/" + client).body()).get("injuries"))
                .isEmpty();
        assertThat(status(send("DELETE", owner, path + "/" + injuryId, null, null)))
                .isEqualTo(404);
    }

    // --- consent to sensitive data -------------------------------------------------------------------

    @Test
    void a_menopausal_status_needs_the_clients_consent_and_withdrawing_it_deletes_the_status() throws Exception {
        String path = "/api/v1/clients/" + ana;
        String etag = get(owner, path).headers().firstValue("ETag").orElseThrow();
        String withStatus =
                "{\"displayName\":\"Ana Lima\",\"status\":\"active\",\"tags\":[\"marathon\",\"masters\",\"base\"],"
                        + "\"menopausalStatus\":\"perimenopausal\"}";

        HttpResponse<String> refused = send("PUT", owner, path, withStatus, etag);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(problem(refused).get("detail").asString()).contains("consent");
        assertThat(status(send("POST", owner, "/api/v1/me/consents/menopausal-status", null, null)))
                .as("coaches cannot consent for a client")
                .isEqualTo(403);

        HttpResponse<String> granted = send("POST", clientUser, "/api/v1/me/consents/menopausal-status", null, null);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(json.readTree(granted.body()).get("granted").asBoolean()).isTrue();

        HttpResponse<String> recorded = send("PUT", owner, path, withStatus, etag);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(json.readTree(get(owner, path).body())
                        .get("menopausalStatus")
                        .asString())
                .isEqualTo("perimenopausal");

        HttpResponse<String> withdrawn =
                send("DELETE", clientUser, "/api/v1/me/consents/menopausal-status", null, null);
        assertThat(json.readTree(withdrawn.body()).get("granted").asBoolean()).isFalse();
        JsonNode after = json.readTree(get(owner, path).body());
        assertThat(after.get("menopausalStatus").isNull()).isTrue();
        assertThat(after.get("menopausalStatusConsent").get("granted").asBoolean())
                .isFalse();
        TestTenants.seed(alpha.id(), db -> {
            assertThat(db.select(CLIENTS.MENOPAUSAL_STATUS)
                            .from(CLIENTS)
                            .where(CLIENTS.ID.eq(ana))
                            .fetchOne()
                            .value1())
                    .isNull();
            var consents = db.selectFrom(CLIENT_CONSENTS)
                    .where(CLIENT_CONSENTS.CLIENT_ID.eq(ana))
                    .fetch();
            assertThat(consents).hasSize(1);
            assertThat(consents.get(0).getWithdrawnAt()).isNotNull();
            assertThat(consents.get(0).getWording()).isEqualTo(ConsentState.MENOPAUSAL_STATUS_WORDING);
        });
    }

    @Test
    void a_client_edits_her_own_profile_but_not_what_coaches_keep() throws Exception {
        HttpResponse<String> mine = get(clientUser, "/api/v1/me/profile");
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(json.readTree(mine.body()).has("tags")).isFalse();
        String etag = mine.headers().firstValue("ETag").orElseThrow();

        assertThat(status(send("PUT", clientUser, "/api/v1/me/profile", "{\"displayName\":\"Ana Lima\"}", null)))
                .isEqualTo(428);
        HttpResponse<String> updated = send(
                "PUT",
                clientUser,
                "/api/v1/me/profile",
                "{\"displayName\":\"Ana Lima\",\"goal\":\"Sub-4 marathon\",\"ageGroup\":\"masters_50\","
                        + "\"weeklyVolumeKm\":42.25,\"races\":\"Berlin 2025\"}",
                etag);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode coachView = json.readTree(get(owner, "/api/v1/clients/" + ana).body());
        assertThat(coachView.get("goal").asString()).isEqualTo("Sub-4 marathon");
        assertThat(coachView.get("weeklyVolumeKm").decimalValue()).isEqualByComparingTo("42.3");
        assertThat(coachView.get("status").asString()).isEqualTo("active");
        assertThat(coachView.get("tags").toString()).contains("marathon");

        assertThat(status(get(owner, "/api/v1/me/profile"))).isEqualTo(403);
    }

    // --- coach-private notes -------------------------------------------------------------------------

    @Test
    void notes_are_for_coaches_only_stored_verbatim_and_edited_with_if_match() throws Exception {
        String path = "/api/v1/clients/" + ben + "/notes";
        String body = "<b>Hamstring</b> ok & \"fine\" <script>x()</script>";

        HttpResponse<String> added = send("POST", coachA, path, json.writeValueAsString(Map.of("body", body)), null);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode note = json.readTree(added.body());
        assertThat(note.get("body").asString()).isEqualTo(body);
        assertThat(note.get("authorId").asString()).isEqualTo(coachAMember.toString());
        String notePath = path + "/" + note.get("id").asString();
        String etag = added.headers().firstValue("ETag").orElseThrow();

        assertThat(status(get(clientUser, "/api/v1/clients/" + ana + "/notes"))).isIn(403, 404);
        assertThat(get(clientUser, path).body()).doesNotContain("Hamstring");
        assertThat(status(get(coachA, "/api/v1/clients/" + cleo + "/notes"))).isEqualTo(404);

        assertThat(status(send("PUT", coachB, notePath, "{\"body\":\"edited\"}", null)))
                .isEqualTo(428);
        HttpResponse<String> edited = send("PUT", coachB, notePath, "{\"body\":\"edited\"}", etag);
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(status(send("PUT", coachA, notePath, "{\"body\":\"mine\"}", etag)))
                .isEqualTo(412);
        assertThat(detail(send("PUT", coachA, notePath, "{\"body\":\"  \"}", "\"1\"")))
                .contains("cannot be empty");

        JsonNode notes = json.readTree(get(owner, path).body());
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("body").asString()).isEqualTo("edited");

        assertThat(status(send("DELETE", owner, notePath, null, null))).isEqualTo(204);
        assertThat(json.readTree(get(owner, path).body())).isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static Tenant tenant(TenantId id, String slug) {
        TestTenants.seed(id, db -> db.insertInto(TENANTS)
                .set(TENANTS.ID, id.value())
                .set(TENANTS.SLUG, slug)
                .set(TENANTS.NAME, slug)
                .set(TENANTS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return new Tenant(id, slug, slug, "USD", "UTC", "en", null);
    }

    private UUID newClient(String name) {
        return client(
                alpha.id(),
                null,
                name,
                UUID.randomUUID() + "@example.com",
                "lead",
                null,
                new String[] {},
                OffsetDateTime.now().minusDays(30));
    }

    private static String profileJson(String name, String status, String tags) {
        return "{\"displayName\":\"" + name + "\",\"status\":\"" + status + "\",\"tags\":" + tags + "}";
    }

    private static UUID member(TenantId tenant, UUID user, String role, String name) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant, db -> db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.value())
                .set(MEMBERS.ID, id)
                .set(MEMBERS.USER_ID, user)
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, id + "@members.example")
                .set(MEMBERS.DISPLAY_NAME, name)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return id;
    }

    private static UUID client(
            TenantId tenant,
            @Nullable UUID member,
            String name,
            String email,
            String status,
            @Nullable UUID coach,
            String[] tags,
            OffsetDateTime created) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant, db -> db.insertInto(CLIENTS)
                .set(CLIENTS.TENANT_ID, tenant.value())
                .set(CLIENTS.ID, id)
                .set(CLIENTS.MEMBER_ID, member)
                .set(CLIENTS.COACH_ID, coach)
                .set(CLIENTS.DISPLAY_NAME, name)
                .set(CLIENTS.EMAIL, email)
                .set(CLIENTS.STATUS, status)
                .set(CLIENTS.TAGS, tags)
                .set(CLIENTS.CREATED_AT, created)
                .set(CLIENTS.UPDATED_AT, created)
                .execute());
        return id;
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return send("GET", user, path, null, null);
    }

    private HttpResponse<String> send(
            String method, String user, String path, @Nullable String body, @Nullable String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(path.startsWith("http") ? URI.create(path) : uri(path))
                .header("Authorization", "Bearer " + tokens.get(user))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }

    private static @Nullable String nextLink(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Link")
                .map(link -> {
                    Matcher m = Pattern.compile("<([^>]+)>; rel=\"next\"").matcher(link);
                    return m.find() ? m.group(1) : null;
                })
                .orElse(null);
    }

    private JsonNode items(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("items");
    }

    private List<UUID> ids(HttpResponse<String> response) throws Exception {
        List<UUID> ids = new ArrayList<>();
        items(response).forEach(item -> ids.add(UUID.fromString(item.get("id").asString())));
        return ids;
    }

    private List<String> names(HttpResponse<String> response) throws Exception {
        List<String> names = new ArrayList<>();
        items(response).forEach(item -> names.add(item.get("displayName").asString()));
        return names;
    }

    private List<String> statuses(HttpResponse<String> response) throws Exception {
        List<String> statuses = new ArrayList<>();
        items(response).forEach(item -> statuses.add(item.get("status").asString()));
        return statuses;
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    private String detail(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return problem(response).get("detail").asString();
    }

    private JsonNode problem(HttpResponse<String> response) throws Exception {
        assertProblem(response);
        return json.readTree(response.body());
    }

    private void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
