package io.loadwise.exercises;

import java.util.List;

/** An exercise that can't be saved, with every problem found (the API answers 400). */
public class InvalidExerciseException extends IllegalArgumentException {

    private final List<FieldProblem> problems;

    public InvalidExerciseException(List<FieldProblem> problems) {
        super(String.join(" ", problems.stream().map(FieldProblem::message).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
