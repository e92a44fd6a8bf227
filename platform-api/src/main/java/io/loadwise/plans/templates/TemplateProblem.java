package io.loadwise.plans.templates;

/**
 * What is wrong with one part of a template being saved.
 *
 * @param phase 1-based phase the problem is in; 0 for the template as a whole
 * @param week 1-based week of that phase; 0 for the phase as a whole
 * @param session 1-based session of that week (in the week's order); 0 for the week as a whole
 * @param where where it is, for people: "Phase 2 “Eccentric”, week 1, Tuesday “Strength A”"; empty
 *     for the template as a whole
 * @param message what to fix
 */
public record TemplateProblem(int phase, int week, int session, String where, String message) {

    public static TemplateProblem ofTemplate(String message) {
        return new TemplateProblem(0, 0, 0, "", message);
    }

    public String describe() {
        return where.isEmpty() ? message : where + ": " + message;
    }
}
