package io.loadwise.intake.web;

import io.loadwise.intake.Answer;
import io.loadwise.intake.ClientIntake;
import io.loadwise.intake.IntakeService;
import io.loadwise.intake.IntakeSubmission;
import io.loadwise.intake.InvalidAnswersException;
import io.loadwise.intake.InvalidQuestionnaireException;
import io.loadwise.intake.MyIntake;
import io.loadwise.intake.Question;
import io.loadwise.intake.QuestionKind;
import io.loadwise.intake.QuestionProblem;
import io.loadwise.intake.QuestionTopic;
import io.loadwise.intake.Questionnaire;
import io.loadwise.roster.ClientId;
import io.loadwise.web.Etags;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IntakeController {

    private final IntakeService intake;

    IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    @GetMapping("/api/v1/intake/questionnaire")
    @Operation(
            summary = "The intake questions of the caller's coaching business",
            description = "The platform's default questions until the business saves its own. The ETag is the"
                    + " version to send back in If-Match when saving.")
    ResponseEntity<QuestionnaireJson> questionnaire() {
        Questionnaire questionnaire = intake.questionnaire();
        return ResponseEntity.ok().eTag(Etags.of(questionnaire.version())).body(QuestionnaireJson.of(questionnaire));
    }

    @PutMapping("/api/v1/intake/questionnaire")
    @Operation(
            summary = "Replace the intake questions of the caller's coaching business",
            description = "The whole list, in the order asked. Needs If-Match with the ETag read: 428 without it, 412"
                    + " when someone else saved in the meantime, 400 naming each question that can't be saved.")
    ResponseEntity<QuestionnaireJson> saveQuestionnaire(
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody QuestionnaireRequest request) {
        int expected = Etags.requireVersion(ifMatch);
        if (request.questions() == null) {
            throw new IllegalArgumentException("A questionnaire needs a 'questions' list.");
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < request.questions().size(); i++) {
            questions.add(request.questions().get(i).toQuestion(i + 1));
        }
        Questionnaire saved = intake.saveQuestionnaire(questions, expected);
        return ResponseEntity.ok().eTag(Etags.of(saved.version())).body(QuestionnaireJson.of(saved));
    }

    @GetMapping("/api/v1/me/intake")
    @Operation(summary = "The signed-in client's intake: the questions and their latest answers, if any")
    MyIntakeJson myIntake() {
        MyIntake mine = intake.myIntake();
        return new MyIntakeJson(
                mine.questions().stream().map(QuestionJson::of).toList(),
                mine.latestSubmission().map(SubmissionJson::of).orElse(null));
    }

    @PostMapping("/api/v1/me/intake")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Submit the signed-in client's intake answers",
            description = "answers maps question ids to text, a number, an option, or a list of options. 400 lists"
                    + " each answer that does not fit its question.")
    SubmissionJson submit(@RequestBody SubmissionRequest request) {
        if (request.answers() == null) {
            throw new IllegalArgumentException("An intake submission needs an 'answers' object.");
        }
        return SubmissionJson.of(intake.submit(request.answers()));
    }

    @GetMapping("/api/v1/clients/{id}/intake")
    @Operation(summary = "A client's latest intake answers and when they submitted intake before")
    ClientIntakeJson clientIntake(@PathVariable UUID id) {
        ClientIntake found = intake.clientIntake(new ClientId(id));
        return new ClientIntakeJson(
                id, found.latestSubmission().map(SubmissionJson::of).orElse(null), found.submittedAt());
    }

    @ExceptionHandler(InvalidQuestionnaireException.class)
    ProblemDetail invalidQuestionnaire(InvalidQuestionnaireException e) {
        return withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "Invalid questionnaire", e.getMessage(), "invalid-questionnaire"),
                e.problems());
    }

    @ExceptionHandler(InvalidAnswersException.class)
    ProblemDetail invalidAnswers(InvalidAnswersException e) {
        return withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "Invalid intake answers", e.getMessage(), "invalid-answers"),
                e.problems());
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<QuestionProblem> problems) {
        problem.setProperty(
                "errors",
                problems.stream()
                        .map(p -> {
                            Map<String, Object> error = new LinkedHashMap<>();
                            if (p.position() > 0) {
                                error.put("position", p.position());
                            }
                            error.put("questionId", p.questionId());
                            error.put("message", p.message());
                            return error;
                        })
                        .toList());
        return problem;
    }

    record QuestionnaireRequest(@Nullable List<QuestionJson> questions) {}

    record QuestionnaireJson(List<QuestionJson> questions, int version, boolean platformDefault) {
        static QuestionnaireJson of(Questionnaire q) {
            return new QuestionnaireJson(
                    q.questions().stream().map(QuestionJson::of).toList(), q.version(), q.platformDefault());
        }
    }

    record QuestionJson(
            @Nullable String id,
            @Nullable String topic,
            @Nullable String prompt,
            @Nullable String kind,
            @Nullable Boolean required,
            @Nullable BigDecimal min,
            @Nullable BigDecimal max,
            @Nullable List<String> options) {

        static QuestionJson of(Question q) {
            return new QuestionJson(
                    q.id(), q.topic().code(), q.prompt(), q.kind().code(), q.required(), q.min(), q.max(), q.options());
        }

        Question toQuestion(int position) {
            if (kind == null) {
                throw new IllegalArgumentException("Question " + position + " needs a 'kind'.");
            }
            List<String> given = options == null ? List.of() : options;
            if (given.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("Question " + position + " has an empty option.");
            }
            try {
                return new Question(
                        id == null ? "" : id,
                        topic == null ? QuestionTopic.OTHER : QuestionTopic.fromCode(topic),
                        prompt == null ? "" : prompt,
                        QuestionKind.fromCode(kind),
                        Boolean.TRUE.equals(required),
                        min,
                        max,
                        given);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Question " + position + ": " + e.getMessage(), e);
            }
        }
    }

    record SubmissionRequest(@Nullable Map<String, @Nullable Object> answers) {}

    record AnswerJson(
            String questionId,
            String topic,
            String prompt,
            String kind,
            @Nullable Object value) {
        static AnswerJson of(Answer a) {
            return new AnswerJson(
                    a.questionId(), a.topic().code(), a.prompt(), a.kind().code(), a.value());
        }
    }

    record SubmissionJson(UUID id, Instant submittedAt, List<AnswerJson> answers) {
        static SubmissionJson of(IntakeSubmission s) {
            return new SubmissionJson(
                    s.id(),
                    s.submittedAt(),
                    s.answers().stream().map(AnswerJson::of).toList());
        }
    }

    record MyIntakeJson(
            List<QuestionJson> questions, @Nullable SubmissionJson latest) {}

    record ClientIntakeJson(UUID clientId, @Nullable SubmissionJson latest, List<Instant> submissions) {}
}
