package io.loadwise.billing.catalog;

/**
 * What is wrong with one field of a product or promotion code being saved.
 *
 * @param field the field as the API names it, e.g. {@code priceMinor}
 * @param message what to fix, in words for the coach
 */
public record FieldProblem(String field, String message) {}
