package io.loadwise.intake.internal;

import static io.loadwise.jooq.Tables.INTAKE_QUESTIONNAIRES;
import static io.loadwise.jooq.Tables.INTAKE_SUBMISSIONS;

import io.loadwise.intake.Answer;
import io.loadwise.intake.IntakeSubmission;
import io.loadwise.intake.Question;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Questionnaires and submissions, stored as JSON documents. Row level security scopes every query
 * to the transaction's tenant.
 */
@Repository
public class IntakeRepository {

    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {};
    private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;

    IntakeRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The tenant's own questions and their version, if it saved any. */
    public Optional<StoredQuestionnaire> questionnaire() {
        return db.select(INTAKE_QUESTIONNAIRES.QUESTIONS, INTAKE_QUESTIONNAIRES.VERSION)
                .from(INTAKE_QUESTIONNAIRES)
                .fetchOptional(
                        r -> new StoredQuestionnaire(json.readValue(r.value1().data(), QUESTIONS), r.value2()));
    }

    /**
     * Saves the questions if the stored version is still {@code expectedVersion} (0: none stored).
     *
     * @return the new version, or empty when someone else saved first
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Integer> saveQuestionnaire(List<Question> questions, int expectedVersion, Instant at) {
        JSONB document = JSONB.valueOf(json.writeValueAsString(questions));
        OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
        if (expectedVersion == 0) {
            // The first save; a concurrent first save makes this one a no-op, reported as stale.
            int inserted = db.insertInto(INTAKE_QUESTIONNAIRES)
                    .set(
                            INTAKE_QUESTIONNAIRES.TENANT_ID,
                            TenantContext.require().value())
                    .set(INTAKE_QUESTIONNAIRES.QUESTIONS, document)
                    .set(INTAKE_QUESTIONNAIRES.UPDATED_AT, now)
                    .set(INTAKE_QUESTIONNAIRES.VERSION, 1)
                    .onConflictDoNothing()
                    .execute();
            return inserted == 1 ? Optional.of(1) : Optional.empty();
        }
        return db.update(INTAKE_QUESTIONNAIRES)
                .set(INTAKE_QUESTIONNAIRES.QUESTIONS, document)
                .set(INTAKE_QUESTIONNAIRES.UPDATED_AT, now)
                .set(INTAKE_QUESTIONNAIRES.VERSION, INTAKE_QUESTIONNAIRES.VERSION.plus(1))
                .where(INTAKE_QUESTIONNAIRES.VERSION.eq(expectedVersion))
                .returning(INTAKE_QUESTIONNAIRES.VERSION)
                .fetchOptional(INTAKE_QUESTIONNAIRES.VERSION);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void addSubmission(IntakeSubmission submission) {
        db.insertInto(INTAKE_SUBMISSIONS)
                .set(INTAKE_SUBMISSIONS.TENANT_ID, TenantContext.require().value())
                .set(INTAKE_SUBMISSIONS.ID, submission.id())
                .set(INTAKE_SUBMISSIONS.CLIENT_ID, submission.clientId().value())
                .set(INTAKE_SUBMISSIONS.ANSWERS, JSONB.valueOf(json.writeValueAsString(submission.answers())))
                .set(INTAKE_SUBMISSIONS.SUBMITTED_AT, submission.submittedAt().atOffset(ZoneOffset.UTC))
                .execute();
    }

    public Optional<IntakeSubmission> latestSubmission(ClientId client) {
        return db.selectFrom(INTAKE_SUBMISSIONS)
                .where(INTAKE_SUBMISSIONS.CLIENT_ID.eq(client.value()))
                .orderBy(INTAKE_SUBMISSIONS.SUBMITTED_AT.desc(), INTAKE_SUBMISSIONS.ID.desc())
                .limit(1)
                .fetchOptional(this::toSubmission);
    }

    /** When each of the client's submissions was made, newest first. */
    public List<Instant> submissionTimes(ClientId client) {
        return db.select(INTAKE_SUBMISSIONS.SUBMITTED_AT)
                .from(INTAKE_SUBMISSIONS)
                .where(INTAKE_SUBMISSIONS.CLIENT_ID.eq(client.value()))
                .orderBy(INTAKE_SUBMISSIONS.SUBMITTED_AT.desc(), INTAKE_SUBMISSIONS.ID.desc())
                .fetch(r -> r.value1().toInstant());
    }

    private IntakeSubmission toSubmission(Record r) {
        return new IntakeSubmission(
                r.get(INTAKE_SUBMISSIONS.ID),
                new ClientId(r.get(INTAKE_SUBMISSIONS.CLIENT_ID)),
                r.get(INTAKE_SUBMISSIONS.SUBMITTED_AT).toInstant(),
                json.readValue(r.get(INTAKE_SUBMISSIONS.ANSWERS).data(), ANSWERS));
    }

    /** A tenant's saved questions. */
    public record StoredQuestionnaire(List<Question> questions, int version) {}
}
