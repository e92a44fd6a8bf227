package io.loadwise.plans.templates;

import java.util.List;

/** A template that can't be saved, with every problem found (the API answers 400 with the list). */
public class InvalidTemplateException extends IllegalArgumentException {

    private final List<TemplateProblem> problems;

    public InvalidTemplateException(List<TemplateProblem> problems) {
        super(String.join(" ", problems.stream().map(TemplateProblem::describe).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<TemplateProblem> problems() {
        return problems;
    }
}
