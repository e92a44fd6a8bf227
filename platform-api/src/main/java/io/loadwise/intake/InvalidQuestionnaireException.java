package io.loadwise.intake;

import java.util.List;

/** A questionnaire that can't be saved, with every problem found (the API answers 400). */
public class InvalidQuestionnaireException extends IllegalArgumentException {

    private final List<QuestionProblem> problems;

    public InvalidQuestionnaireException(List<QuestionProblem> problems) {
        super(String.join(" ", problems.stream().map(QuestionProblem::describe).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<QuestionProblem> problems() {
        return problems;
    }
}
