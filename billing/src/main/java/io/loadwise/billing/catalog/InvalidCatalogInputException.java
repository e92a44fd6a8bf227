package io.loadwise.billing.catalog;

import java.util.List;

/** A product or promotion code that can't be saved, with every problem found (the API answers 400). */
public class InvalidCatalogInputException extends IllegalArgumentException {

    private final String what;
    private final List<FieldProblem> problems;

    public InvalidCatalogInputException(String what, List<FieldProblem> problems) {
        super(String.join(" ", problems.stream().map(FieldProblem::message).toList()));
        this.what = what;
        this.problems = List.copyOf(problems);
    }

    /** {@code product} or {@code promotion code}. */
    public String what() {
        return what;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
