package io.loadwise.intake;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The intake as the signed-in client sees it: the current questions and what they last answered.
 *
 * @param latest their most recent submission, or null when they have not completed intake yet
 */
public record MyIntake(List<Question> questions, @Nullable IntakeSubmission latest) {

    public MyIntake {
        questions = List.copyOf(questions);
    }

    public boolean completed() {
        return latest != null;
    }

    public Optional<IntakeSubmission> latestSubmission() {
        return Optional.ofNullable(latest);
    }
}
