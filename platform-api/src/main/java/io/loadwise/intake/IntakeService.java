package io.loadwise.intake;

import io.loadwise.intake.internal.IntakeRepository;
import io.loadwise.roster.ClientAccess;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Ids;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake's application service: the business's questionnaire (edited as a whole by its coaches),
 * clients submitting answers, and coaches reading them for the clients they may see.
 */
@Service
public class IntakeService {

    private final IntakeRepository intake;
    private final ClientAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IntakeService(IntakeRepository intake, ClientAccess access, ApplicationEventPublisher events, Clock clock) {
        this.intake = intake;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** The business's questionnaire: its own questions, or the platform's defaults until it saves some. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public Questionnaire questionnaire() {
        return current();
    }

    /**
     * Replaces the business's questions.
     *
     * @param expectedVersion the version the editor started from ({@link Questionnaire#version()})
     * @return the questionnaire as saved, with its new version
     * @throws InvalidQuestionnaireException listing each question that can't be saved
     * @throws StaleVersionException when someone else saved in the meantime
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public Questionnaire saveQuestionnaire(List<Question> questions, int expectedVersion) {
        TenantContext.require();
        List<Question> normalized =
                questions.stream().map(QuestionnaireRules::normalized).toList();
        List<QuestionProblem> problems = QuestionnaireRules.problems(normalized);
        if (!problems.isEmpty()) {
            throw new InvalidQuestionnaireException(problems);
        }
        int saved = intake.saveQuestionnaire(normalized, expectedVersion, clock.instant())
                .orElseThrow(() -> new StaleVersionException(
                        "questionnaire", expectedVersion, current().version()));
        return new Questionnaire(normalized, saved, false);
    }

    /** The signed-in client's intake: the current questions and their latest answers. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public MyIntake myIntake() {
        ClientId me = ownClient();
        return new MyIntake(current().questions(), intake.latestSubmission(me).orElse(null));
    }

    /**
     * Records the signed-in client's answers to the current questionnaire and tells their coach
     * ({@link IntakeSubmitted}). A client may submit again; every submission is kept.
     *
     * @param answers by question id (see {@link Answers#check})
     * @throws InvalidAnswersException listing each answer that does not fit its question
     */
    @Transactional
    @PreAuthorize("hasRole('CLIENT')")
    public IntakeSubmission submit(Map<String, ? extends @Nullable Object> answers) {
        TenantId tenant = TenantContext.require();
        ClientId me = ownClient();
        List<Answer> checked = Answers.check(current().questions(), answers);
        Instant now = clock.instant();
        IntakeSubmission submission = new IntakeSubmission(Ids.newId(clock), me, now, checked);
        intake.addSubmission(submission);
        events.publishEvent(new IntakeSubmitted(Ids.newId(clock), tenant, me, submission.id(), now));
        return submission;
    }

    /**
     * A client's intake for their coach.
     *
     * @throws NotFoundException when the client does not exist or is not the caller's to see
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public ClientIntake clientIntake(ClientId client) {
        access.requireVisible(client);
        return new ClientIntake(client, intake.latestSubmission(client).orElse(null), intake.submissionTimes(client));
    }

    private Questionnaire current() {
        return intake.questionnaire()
                .map(stored -> new Questionnaire(stored.questions(), stored.version(), false))
                .orElseGet(() -> new Questionnaire(DefaultQuestionnaire.QUESTIONS, 0, true));
    }

    private ClientId ownClient() {
        return access.ownClient().orElseThrow(() -> new NotFoundException("client", "of the signed-in user"));
    }
}
