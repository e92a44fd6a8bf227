package io.loadwise.intake;

import java.util.List;

/** Intake answers that don't fit the questionnaire, with every bad answer listed (the API answers 400). */
public class InvalidAnswersException extends IllegalArgumentException {

    private final List<QuestionProblem> problems;

    public InvalidAnswersException(List<QuestionProblem> problems) {
        super(String.join(" ", problems.stream().map(QuestionProblem::describe).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<QuestionProblem> problems() {
        return problems;
    }
}
