package io.loadwise.planengine;

/**
 * One reason a rules document can't be saved.
 *
 * @param field the JSON path of the offending value, e.g. {@code triggers[1].threshold}
 */
public record RuleProblem(String field, String message) {}
