package io.loadwise.plans.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.messaging.ApiCalls;
import io.loadwise.messaging.PeopleOfABusiness;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Coaches keep their exercise library and build plan templates through the API, with real
 * Keycloak tokens and PostgreSQL under row level security: versioned saves, located validation
 * errors, and nothing of it for clients, platform admins or other businesses.
 */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanLibraryApiIT {

    static final String EXERCISES = "/api/v1/exercises";
    static final String TEMPLATES = "/api/v1/plan-templates";

    @LocalServerPort
    int port;

    KeycloakTestData keycloakData;
    ApiCalls api;
    PeopleOfABusiness business;
    PeopleOfABusiness otherBusiness;
    String adminToken;

    @BeforeAll
    void setUp() {
        keycloakData = KeycloakTestData.of(TestInfrastructure.keycloak());
        api = new ApiCalls(port);
        business = PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "library");
        otherBusiness = PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "elsewhere");
        String admin = "platform-admin-" + UUID.randomUUID().toString().substring(0, 8);
        keycloakData.createUser(admin, PeopleOfABusiness.PASSWORD, null, "platform-admin");
        adminToken = TestInfrastructure.keycloak().tokenFor(admin, PeopleOfABusiness.PASSWORD);
    }

    @AfterAll
    void close() {
        keycloakData.close();
    }

    static Map<String, Object> exercise(String name, String category, String target) {
        Map<String, Object> exercise = new LinkedHashMap<>();
        exercise.put("name", name);
        exercise.put("category", category);
        exercise.put("target", target);
        exercise.put("defaultDosage", "5 × 45 s hold");
        exercise.put("cues", "Hips up, heels down.");
        exercise.put("videoUrl", "https://video.example/bridge");
        return exercise;
    }

    @Test
    void a_coach_adds_finds_edits_and_archives_an_exercise() {
        String coach = business.token(business.lead);
        String name = "Long-lever bridge " + UUID.randomUUID().toString().substring(0, 6);

        HttpResponse<String> created = api.post(coach, EXERCISES, exercise(name, "isometric", "hamstring"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        String id = api.json(created).get("id").asString();

        assertThat(names(api.get(coach, EXERCISES + "?category=isometric&target=hamstring")))
                .contains(name);
        assertThat(names(api.get(coach, EXERCISES + "?category=eccentric"))).doesNotContain(name);
        assertThat(names(api.get(coach, EXERCISES + "?q=LONG-LEVER"))).containsExactly(name);
        assertThat(api.get(coach, EXERCISES + "?category=yoga").statusCode()).isEqualTo(400);

        Map<String, Object> changed = exercise(name, "isometric", "glute");
        assertThat(api.put(coach, EXERCISES + "/" + id, changed, Map.of()).statusCode())
                .isEqualTo(428);
        HttpResponse<String> saved = api.put(coach, EXERCISES + "/" + id, changed, Map.of("If-Match", "\"0\""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).contains("\"1\"");

        // The owner saves from the version she read before: refused, the coach's change stays.
        HttpResponse<String> stale = api.put(
                business.token(business.owner),
                EXERCISES + "/" + id,
                exercise(name, "mobility", "hip"),
                Map.of("If-Match", "\"0\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        JsonNode now = api.json(api.get(coach, EXERCISES + "/" + id));
        assertThat(now.get("target").asString()).isEqualTo("glute");
        assertThat(now.get("category").asString()).isEqualTo("isometric");

        HttpResponse<String> archived =
                api.send(coach, "POST", EXERCISES + "/" + id + "/archive", null, Map.of("If-Match", "\"1\""));
        assertThat(archived.statusCode()).as(archived.body()).isEqualTo(200);
        assertThat(names(api.get(coach, EXERCISES))).doesNotContain(name);
        // Its name is free again once archived.
        assertThat(api.post(coach, EXERCISES, exercise(name, "isometric", "hamstring"))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void an_exercise_that_cannot_be_saved_gets_every_problem_and_a_taken_name_is_a_conflict() {
        String coach = business.token(business.lead);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("name", " ");
        bad.put("defaultDosage", "x".repeat(201));
        bad.put("cues", "c".repeat(2001));
        bad.put("videoUrl", "javascript:alert(1)");

        HttpResponse<String> refused = api.post(coach, EXERCISES, bad);

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = api.json(refused);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid exercise");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("name", "category", "target", "defaultDosage", "cues", "videoUrl");

        String name = "Copenhagen variation " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.post(coach, EXERCISES, exercise(name, "glutes_core", "hip"))
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> taken = api.post(coach, EXERCISES, exercise(name.toUpperCase(), "glutes_core", "hip"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(api.json(taken).get("detail").asString()).contains("already has an exercise called");
    }

    static Map<String, Object> runSession(String day, String title, Object minutes) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("kind", "run");
        spec.put("title", title);
        spec.put("type", "easy");
        spec.put("durationMinutes", minutes);
        spec.put("intensity", Map.of("scale", "rpe", "value", "3-4"));
        spec.put("notes", "");
        return Map.of("day", day, "spec", spec);
    }

    static Map<String, Object> strengthSession(String day, String title, List<Map<String, Object>> exercises) {
        return Map.of(
                "day", day, "spec", Map.of("kind", "strength", "title", title, "exercises", exercises, "notes", ""));
    }

    static Map<String, Object> phase(String key, String name, List<Map<String, Object>> sessions) {
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("key", key);
        phase.put("name", name);
        phase.put("goal", "Settle the tendon");
        phase.put("entryCriteria", "");
        phase.put("exit", Map.of("calmWeeks", 2, "maxPain", 2, "minCompletionPercent", 80));
        phase.put("weeks", List.of(Map.of("focus", "", "sessions", sessions)));
        return phase;
    }

    static Map<String, Object> template(String name, List<Map<String, Object>> phases) {
        return Map.of("name", name, "description", "", "condition", "hamstring", "content", Map.of("phases", phases));
    }

    Map<String, Object> validTemplate(String name) {
        return template(
                name,
                List.of(
                        phase(
                                "isometrics",
                                "Isometrics",
                                List.of(
                                        strengthSession(
                                                "MONDAY",
                                                "Holds",
                                                List.of(Map.of("name", "Bridge hold", "sets", 5, "holdSeconds", 45))),
                                        runSession("WEDNESDAY", "Easy run", 25))),
                        phase("eccentric", "Eccentric", List.of(runSession("TUESDAY", "Easy run", 30)))));
    }

    @Test
    void a_coach_creates_saves_duplicates_previews_and_archives_a_template() {
        String coach = business.token(business.lead);
        String name = "Hamstring rehab " + UUID.randomUUID().toString().substring(0, 6);

        HttpResponse<String> created = api.post(coach, TEMPLATES, validTemplate(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = api.json(created).get("id").asString();
        String path = TEMPLATES + "/" + id;
        HttpResponse<String> read = api.get(coach, path);
        assertThat(read.headers().firstValue("ETag")).contains("\"0\"");
        assertThat(api.json(read)
                        .at("/content/phases/0/weeks/0/sessions/0/spec/exercises/0/holdSeconds")
                        .asInt())
                .isEqualTo(45);

        assertThat(api.put(coach, path, validTemplate(name + " v2"), Map.of()).statusCode())
                .isEqualTo(428);
        HttpResponse<String> saved = api.put(coach, path, validTemplate(name + " v2"), Map.of("If-Match", "\"0\""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        HttpResponse<String> stale =
                api.put(business.token(business.owner), path, validTemplate(name + " v3"), Map.of("If-Match", "\"0\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(api.json(api.get(coach, path)).get("name").asString()).isEqualTo(name + " v2");

        HttpResponse<String> preview = api.get(coach, path + "/preview?start=2026-12-02");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode weeks = api.json(preview).get("weeks");
        assertThat(weeks).hasSize(2);
        // Started on a Wednesday: day 1 holds the Wednesday run, day 6 the Monday holds.
        assertThat(weeks.get(0).at("/days/0/sessions/0/title").asString()).isEqualTo("Easy run");
        assertThat(weeks.get(0).at("/days/5/date").asString()).isEqualTo("2026-12-07");
        assertThat(weeks.get(0).at("/days/5/sessions/0/title").asString()).isEqualTo("Holds");
        assertThat(weeks.get(1).get("phaseKey").asString()).isEqualTo("eccentric");
        assertThat(api.get(coach, path + "/preview?start=next-week").statusCode())
                .isEqualTo(400);

        HttpResponse<String> copy = api.post(coach, path + "/duplicate", null);
        assertThat(copy.statusCode()).isEqualTo(201);
        assertThat(api.json(copy).get("name").asString()).isEqualTo(name + " v2 (copy)");
        assertThat(api.json(copy).get("content"))
                .isEqualTo(api.json(api.get(coach, path)).get("content"));

        HttpResponse<String> archived = api.send(coach, "POST", path + "/archive", null, Map.of("If-Match", "\"1\""));
        assertThat(archived.statusCode()).as(archived.body()).isEqualTo(200);
        List<String> listed = new ArrayList<>();
        api.json(api.get(coach, TEMPLATES))
                .forEach(t -> listed.add(t.get("name").asString()));
        assertThat(listed).contains(name + " v2 (copy)").doesNotContain(name + " v2");
    }

    @Test
    void a_template_that_cannot_be_saved_is_a_400_listing_every_problem_where_it_is_and_nothing_changes() {
        String coach = business.token(business.lead);
        String name = "Achilles " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = api.post(coach, TEMPLATES, validTemplate(name));
        String path = TEMPLATES + "/" + api.json(created).get("id").asString();

        Map<String, Object> broken = template(
                name,
                List.of(
                        phase("isometrics", "Isometrics", List.of(runSession("MONDAY", "Easy run", 0))),
                        phase(
                                "eccentric",
                                "Eccentric",
                                List.of(strengthSession(
                                        "TUESDAY",
                                        "Strength",
                                        List.of(Map.of(
                                                "name", "Nordic curl", "sets", 3, "reps", 5, "holdSeconds", 10))))),
                        phase("eccentric", "Heavy", List.of())));

        HttpResponse<String> refused = api.put(coach, path, broken, Map.of("If-Match", "\"0\""));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = api.json(refused);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid template");
        List<String> described = new ArrayList<>();
        problem.get("errors")
                .forEach(e -> described.add(
                        e.get("where").asString() + ": " + e.get("message").asString()));
        assertThat(described)
                .containsExactly(
                        "Phase 1 “Isometrics”, week 1, Monday “Easy run”: the duration must be 1 to 600 minutes, not 0.",
                        "Phase 2 “Eccentric”, week 1, Tuesday “Strength”: exercise 1 (Nordic curl): give either reps or a"
                                + " hold time, not both.",
                        "Phase 3 “Heavy”: the key 'eccentric' is used by phase 2 already; each phase needs its own.",
                        "Phase 3 “Heavy”, week 1: the week has no sessions; add one.");
        assertThat(problem.at("/errors/1/phase").asInt()).isEqualTo(2);
        assertThat(problem.at("/errors/1/session").asInt()).isEqualTo(1);
        JsonNode unchanged = api.json(api.get(coach, path));
        assertThat(unchanged.get("version").asInt()).isZero();
        assertThat(unchanged.at("/content/phases")).hasSize(2);

        HttpResponse<String> sameName = api.post(coach, TEMPLATES, validTemplate(name.toLowerCase()));
        assertThat(sameName.statusCode()).isEqualTo(400);
        assertThat(api.json(sameName).at("/errors/0/message").asString()).contains("Another template is called");
        assertThat(api.post(coach, TEMPLATES, Map.of("name", "x", "condition", "knee"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void clients_and_platform_admins_may_not_and_other_businesses_find_nothing() {
        String coach = business.token(business.lead);
        String exerciseId = api.json(api.post(
                        coach,
                        EXERCISES,
                        exercise("Private drill " + UUID.randomUUID().toString().substring(0, 6), "mobility", "hip")))
                .get("id")
                .asString();
        String templateId = api.json(api.post(
                        coach,
                        TEMPLATES,
                        validTemplate("Private " + UUID.randomUUID().toString().substring(0, 6))))
                .get("id")
                .asString();

        String client = business.token(business.ann);
        assertThat(api.get(client, EXERCISES).statusCode()).isEqualTo(403);
        assertThat(api.get(client, TEMPLATES + "/" + templateId).statusCode()).isEqualTo(403);
        assertThat(api.post(client, TEMPLATES, validTemplate("Mine")).statusCode())
                .isEqualTo(403);
        assertThat(api.get(adminToken, EXERCISES).statusCode()).isEqualTo(403);
        assertThat(api.get(adminToken, TEMPLATES).statusCode()).isEqualTo(403);

        String stranger = otherBusiness.token(otherBusiness.owner);
        assertThat(api.get(stranger, EXERCISES + "/" + exerciseId).statusCode()).isEqualTo(404);
        assertThat(api.get(stranger, TEMPLATES + "/" + templateId).statusCode()).isEqualTo(404);
        assertThat(api.put(stranger, TEMPLATES + "/" + templateId, validTemplate("Stolen"), Map.of("If-Match", "\"0\""))
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.post(stranger, TEMPLATES + "/" + templateId + "/duplicate", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get(stranger, TEMPLATES + "/" + templateId + "/preview?start=2026-12-01")
                        .statusCode())
                .isEqualTo(404);
    }

    List<String> names(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        api.json(response).forEach(e -> names.add(e.get("name").asString()));
        return names;
    }
}
