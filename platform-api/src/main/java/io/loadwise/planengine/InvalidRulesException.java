package io.loadwise.planengine;

import java.util.List;

/** A rules document that can't be evaluated, with every problem found (400 in the API). */
public class InvalidRulesException extends IllegalArgumentException {

    private final List<RuleProblem> problems;

    public InvalidRulesException(List<RuleProblem> problems) {
        super(
                problems.size() == 1
                        ? problems.getFirst().field() + ": "
                                + problems.getFirst().message()
                        : problems.size() + " rules can't be saved; see errors.");
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
