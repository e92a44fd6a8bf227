package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.INTAKE_SUBMISSIONS;

import io.loadwise.privacy.ExportFile;
import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Csv;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Intake questionnaires as the client answered them, with each question's wording as asked. */
@Component
class IntakeData implements PersonalData {

    private final DSLContext db;
    private final JsonMapper json;

    IntakeData(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String category() {
        return "intake";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Object export(ClientId client) {
        return submissions(client);
    }

    /** One line per answer: when, which question (as asked), what she answered. */
    @Override
    public List<ExportFile> files(ClientId client) {
        StringBuilder csv = new StringBuilder(Csv.row(List.of("submitted_at", "question", "answer")));
        for (Submission submission : submissions(client)) {
            for (Map.Entry<String, String> answer : answers(submission.answers())) {
                csv.append(Csv.row(List.of(submission.submittedAt().toString(), answer.getKey(), answer.getValue())));
            }
        }
        return List.of(ExportFile.text("intake.csv", csv.toString()));
    }

    @Override
    public int erase(ClientId client) {
        return db.deleteFrom(INTAKE_SUBMISSIONS)
                .where(INTAKE_SUBMISSIONS.CLIENT_ID.eq(client.value()))
                .execute();
    }

    private List<Submission> submissions(ClientId client) {
        return db.selectFrom(INTAKE_SUBMISSIONS)
                .where(INTAKE_SUBMISSIONS.CLIENT_ID.eq(client.value()))
                .orderBy(INTAKE_SUBMISSIONS.SUBMITTED_AT, INTAKE_SUBMISSIONS.ID)
                .fetch(r -> new Submission(
                        r.getSubmittedAt().toInstant(),
                        json.readTree(r.getAnswers().data())));
    }

    /**
     * Question and answer pairs from the stored answers, whichever of the two shapes the intake
     * feature writes: a list of answer objects (question wording plus answer) or an object keyed by
     * question.
     */
    private static List<Map.Entry<String, String>> answers(JsonNode answers) {
        java.util.List<Map.Entry<String, String>> pairs = new java.util.ArrayList<>();
        if (answers.isArray()) {
            for (JsonNode answer : answers) {
                String question = firstText(answer, "question", "wording", "label", "text", "id", "key");
                String value = firstText(answer, "answer", "value", "response");
                pairs.add(Map.entry(question, value));
            }
        } else if (answers.isObject()) {
            answers.properties().forEach(p -> pairs.add(Map.entry(p.getKey(), text(p.getValue()))));
        }
        return pairs;
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                return text(value);
            }
        }
        return "";
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asString() : value.toString();
    }

    record Submission(Instant submittedAt, JsonNode answers) {}
}
