package io.loadwise.exercises;

/**
 * What is wrong with one field of an exercise being saved.
 *
 * @param field the field as the API names it, e.g. {@code defaultDosage}
 * @param message what to fix, in words for the coach
 */
public record FieldProblem(String field, String message) {}
