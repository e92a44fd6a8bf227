package io.loadwise.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a questionnaire savable. Public so that editors can show the same messages inline
 * that saving would give.
 */
public final class QuestionnaireRules {

    public static final int MAX_QUESTIONS = 50;
    public static final int MAX_PROMPT = 500;
    public static final int MIN_OPTIONS = 1;
    public static final int MAX_OPTIONS = 20;
    public static final int MAX_OPTION = 200;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private QuestionnaireRules() {}

    /** Every problem of the questions, in question order; empty when they can be saved. */
    public static List<QuestionProblem> problems(List<Question> questions) {
        List<QuestionProblem> problems = new ArrayList<>();
        if (questions.isEmpty()) {
            problems.add(new QuestionProblem(0, "", "A questionnaire needs at least one question."));
        }
        if (questions.size() > MAX_QUESTIONS) {
            problems.add(new QuestionProblem(
                    0,
                    "",
                    "A questionnaire has at most " + MAX_QUESTIONS + " questions; this one has " + questions.size()
                            + "."));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            int position = i + 1;
            for (String message : problemsOf(question)) {
                problems.add(new QuestionProblem(position, question.id(), message));
            }
            if (!question.id().isBlank() && !ids.add(question.id())) {
                problems.add(new QuestionProblem(
                        position, question.id(), "The id '" + question.id() + "' is used by an earlier question."));
            }
        }
        return problems;
    }

    /** The problems of one question on its own (not its id's uniqueness). */
    public static List<String> problemsOf(Question question) {
        List<String> problems = new ArrayList<>();
        if (question.id().isBlank()) {
            problems.add("A question needs an id.");
        } else if (!ID.matcher(question.id()).matches()) {
            problems.add("An id is 1 to 64 letters, digits, '_' or '-'.");
        }
        String prompt = question.prompt().strip();
        if (prompt.isEmpty()) {
            problems.add("The question's text is empty.");
        } else if (prompt.codePointCount(0, prompt.length()) > MAX_PROMPT) {
            problems.add("The question's text is longer than " + MAX_PROMPT + " characters.");
        }
        if (question.kind().hasOptions()) {
            List<String> options = question.options();
            if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
                problems.add("A choice question needs " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options; it has "
                        + options.size() + ".");
            }
            Set<String> seen = new HashSet<>();
            for (String option : options) {
                String trimmed = option.strip();
                if (trimmed.isEmpty()) {
                    problems.add("An option is empty.");
                } else if (trimmed.length() > MAX_OPTION) {
                    problems.add(
                            "The option '" + abbreviate(trimmed) + "' is longer than " + MAX_OPTION + " characters.");
                } else if (!seen.add(trimmed)) {
                    problems.add("The option '" + trimmed + "' is listed twice.");
                }
            }
        }
        if (question.kind() == QuestionKind.NUMBER) {
            BigDecimal min = question.min();
            BigDecimal max = question.max();
            if (min != null && max != null && min.compareTo(max) > 0) {
                problems.add(
                        "The minimum " + min.toPlainString() + " is above the maximum " + max.toPlainString() + ".");
            }
        }
        return problems;
    }

    /**
     * The question as it is stored: prompt and options trimmed, and only the settings its kind
     * uses (a text question keeps no options, a choice question no number range).
     */
    public static Question normalized(Question question) {
        boolean number = question.kind() == QuestionKind.NUMBER;
        return new Question(
                question.id().strip(),
                question.topic(),
                question.prompt().strip(),
                question.kind(),
                question.required(),
                number ? question.min() : null,
                number ? question.max() : null,
                question.kind().hasOptions()
                        ? question.options().stream().map(String::strip).toList()
                        : List.of());
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
