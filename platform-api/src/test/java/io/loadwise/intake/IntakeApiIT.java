package io.loadwise.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.messaging.ApiCalls;
import io.loadwise.messaging.PeopleOfABusiness;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TopicRecords;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A business edits its intake questionnaire, a client answers it and her coach reads the answers:
 * through the API with real Keycloak tokens, PostgreSQL under row level security and Kafka.
 */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeApiIT {

    static final String QUESTIONNAIRE = "/api/v1/intake/questionnaire";

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
        return PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "intake");
    }

    @Test
    void a_new_business_asks_the_default_questions_and_saves_its_own_with_if_match() {
        var b = freshBusiness();
        String coach = b.token(b.lead);

        HttpResponse<String> defaults = api.get(coach, QUESTIONNAIRE);
        assertThat(defaults.statusCode()).isEqualTo(200);
        assertThat(defaults.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode body = api.json(defaults);
        assertThat(body.get("platformDefault").asBoolean()).isTrue();
        assertThat(ids(body)).contains("injury", "running_volume", "goals", "days_per_week", "equipment");

        List<Map<String, Object>> questions = List.of(
                question("injury", "injury", "Which tendon hurts, which side, since when?", "long_text", true),
                numberQuestion("km", "How far do you run per week?", 0, 200));
        HttpResponse<String> missingIfMatch = api.put(coach, QUESTIONNAIRE, Map.of("questions", questions), Map.of());
        assertThat(missingIfMatch.statusCode()).isEqualTo(428);

        HttpResponse<String> saved =
                api.put(coach, QUESTIONNAIRE, Map.of("questions", questions), Map.of("If-Match", "\"0\""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).contains("\"1\"");

        // The owner edits from the version she read before the coach saved: refused, nothing lost.
        HttpResponse<String> stale = api.put(
                b.token(b.owner),
                QUESTIONNAIRE,
                Map.of("questions", List.of(question("other", "other", "Anything else?", "text", false))),
                Map.of("If-Match", "\"0\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        JsonNode now = api.json(api.get(b.token(b.owner), QUESTIONNAIRE));
        assertThat(ids(now)).containsExactly("injury", "km");
        assertThat(now.get("platformDefault").asBoolean()).isFalse();

        // Another business still asks the defaults.
        var other = freshBusiness();
        assertThat(api.json(api.get(other.token(other.owner), QUESTIONNAIRE))
                        .get("platformDefault")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void a_questionnaire_that_cannot_be_saved_is_a_400_naming_each_bad_question() {
        var b = freshBusiness();
        Map<String, Object> noOptions = question("equipment", "equipment", "What do you have?", "multi_choice", false);
        noOptions.put("options", List.of());
        Map<String, Object> duplicateOptions = question("days", "availability", "Which day?", "single_choice", true);
        duplicateOptions.put("options", List.of("Monday", "Monday"));
        List<Map<String, Object>> questions = List.of(
                question("goals", "goals", "Your goals?", "long_text", true),
                question("goals", "goals", "Your goals again?", "text", true),
                question("blank", "other", "   ", "text", false),
                question("long", "other", "x".repeat(501), "text", false),
                noOptions,
                duplicateOptions);

        HttpResponse<String> refused =
                api.put(b.token(b.lead), QUESTIONNAIRE, Map.of("questions", questions), Map.of("If-Match", "\"0\""));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = api.json(refused);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid questionnaire");
        assertThat(errors(problem))
                .containsExactly(
                        "2 goals: The id 'goals' is used by an earlier question.",
                        "3 blank: The question's text is empty.",
                        "4 long: The question's text is longer than 500 characters.",
                        "5 equipment: A choice question needs 1 to 20 options; it has 0.",
                        "6 days: The option 'Monday' is listed twice.");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(question("q" + i, "other", "Question " + i, "text", false));
        }
        HttpResponse<String> fiftyOne =
                api.put(b.token(b.lead), QUESTIONNAIRE, Map.of("questions", tooMany), Map.of("If-Match", "\"0\""));
        assertThat(fiftyOne.statusCode()).isEqualTo(400);
        assertThat(fiftyOne.body()).contains("at most 50 questions");
    }

    @Test
    void a_client_submits_intake_and_each_bad_answer_is_named() {
        var b = freshBusiness();
        String ann = b.token(b.ann);
        JsonNode mine = api.json(api.get(ann, "/api/v1/me/intake"));
        assertThat(ids(mine)).contains("injury", "running_volume");
        assertThat(mine.get("latest").isNull()).isTrue();

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("injury", "   ");
        bad.put("running_volume", 900);
        bad.put("days_per_week", "often");
        bad.put("equipment", List.of("Gym access", "Treadmill"));
        bad.put("shoe_size", 39);
        HttpResponse<String> refused = api.post(ann, "/api/v1/me/intake", Map.of("answers", bad));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = api.json(refused);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid intake answers");
        assertThat(errors(problem))
                .containsExactly(
                        "1 injury: This question needs an answer.",
                        "2 running_volume: The answer must be between 0 and 300; it was 900.",
                        "3 goals: This question needs an answer.",
                        "4 days_per_week: The answer must be a number.",
                        "6 equipment: 'Treadmill' is not one of [Gym access, Resistance bands, Dumbbells or"
                                + " kettlebells, Barbell, None].",
                        "0 shoe_size: 'shoe_size' is not a question of this questionnaire.");

        HttpResponse<String> submitted = api.post(ann, "/api/v1/me/intake", Map.of("answers", goodAnswers()));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

        JsonNode again = api.json(api.get(ann, "/api/v1/me/intake"));
        assertThat(again.get("latest").get("answers").get(0).get("value").asString())
                .isEqualTo("Left proximal hamstring tendinopathy since March <b>ouch</b>");
    }

    @Test
    void the_coach_reads_the_answers_with_the_questions_as_asked_and_other_coaches_get_404() {
        var b = freshBusiness();
        api.post(b.token(b.ann), "/api/v1/me/intake", Map.of("answers", goodAnswers()));
        // The business rewords the injury question afterwards.
        api.put(
                b.token(b.owner),
                QUESTIONNAIRE,
                Map.of("questions", List.of(question("injury", "injury", "What hurts?", "text", true))),
                Map.of("If-Match", "\"0\""));

        HttpResponse<String> read = api.get(b.token(b.lead), "/api/v1/clients/" + b.annClient + "/intake");

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode intake = api.json(read);
        JsonNode answers = intake.get("latest").get("answers");
        assertThat(answers.get(0).get("prompt").asString())
                .isEqualTo("Which injury brings you here? Side, since when?");
        assertThat(answers.get(1).get("questionId").asString()).isEqualTo("running_volume");
        assertThat(answers.get(1).get("value").asDouble()).isEqualTo(32.5);
        assertThat(answers.get(4).get("value").get(0).asString()).isEqualTo("Gym access");
        assertThat(intake.get("submissions")).hasSize(1);

        assertThat(api.get(b.token(b.coCoach), "/api/v1/clients/" + b.annClient + "/intake")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get(b.token(b.otherCoach), "/api/v1/clients/" + b.annClient + "/intake")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get(b.token(b.bea), "/api/v1/clients/" + b.annClient + "/intake")
                        .statusCode())
                .isEqualTo(404);
        var other = freshBusiness();
        HttpResponse<String> foreign = api.get(other.token(other.owner), "/api/v1/clients/" + b.annClient + "/intake");
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("hamstring");
        // Bea has not done her intake yet.
        JsonNode none = api.json(api.get(b.token(b.lead), "/api/v1/clients/" + b.beaClient + "/intake"));
        assertThat(none.get("latest").isNull()).isTrue();
    }

    @Test
    void a_submission_raises_intake_submitted_on_kafka_keyed_by_tenant_without_the_answers() {
        var b = freshBusiness();
        String id = api.json(api.post(b.token(b.ann), "/api/v1/me/intake", Map.of("answers", goodAnswers())))
                .get("id")
                .asString();

        var record = TopicRecords.await(
                IntakeSubmitted.TOPIC, Duration.ofSeconds(30), r -> new String(r.value(), StandardCharsets.UTF_8)
                        .contains(id));

        assertThat(record.key()).isEqualTo(b.tenant.toString());
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains(b.annClient.toString())
                .doesNotContain("hamstring");
    }

    private static Map<String, Object> goodAnswers() {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("injury", "Left proximal hamstring tendinopathy since March <b>ouch</b>");
        answers.put("running_volume", 32.5);
        answers.put("goals", "A pain-free 10k in the autumn");
        answers.put("days_per_week", "4");
        answers.put("equipment", List.of("Resistance bands", "Gym access"));
        return answers;
    }

    private static Map<String, Object> question(String id, String topic, String prompt, String kind, boolean required) {
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("id", id);
        question.put("topic", topic);
        question.put("prompt", prompt);
        question.put("kind", kind);
        question.put("required", required);
        return question;
    }

    private static Map<String, Object> numberQuestion(String id, String prompt, int min, int max) {
        Map<String, Object> question = question(id, "running_volume", prompt, "number", true);
        question.put("min", min);
        question.put("max", max);
        return question;
    }

    private static List<String> ids(JsonNode questionnaire) {
        List<String> ids = new ArrayList<>();
        questionnaire.get("questions").forEach(q -> ids.add(q.get("id").asString()));
        return ids;
    }

    private static List<String> errors(JsonNode problem) {
        List<String> errors = new ArrayList<>();
        problem.get("errors")
                .forEach(e -> errors.add(
                        e.path("position").asInt(0) + " " + e.get("questionId").asString() + ": "
                                + e.get("message").asString()));
        return errors;
    }
}
