package io.loadwise.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Checks a client's answers against the questionnaire they answer. */
public final class Answers {

    public static final int MAX_TEXT = 1000;
    public static final int MAX_LONG_TEXT = 5000;

    private Answers() {}

    /**
     * The answers as they are stored, one per answered question in questionnaire order.
     *
     * @param given answers by question id: text as a string, a number as a number (or numeric
     *     string), a single choice as the option, a multiple choice as a list of options
     * @throws InvalidAnswersException naming every answer that does not fit, and every required
     *     question left out
     */
    public static List<Answer> check(List<Question> questions, Map<String, ? extends @Nullable Object> given) {
        List<QuestionProblem> problems = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            known.add(question.id());
            @Nullable Object value = given.get(question.id());
            try {
                Answer answer = answerOf(question, value);
                if (answer == null) {
                    if (question.required()) {
                        throw new IllegalArgumentException("This question needs an answer.");
                    }
                } else {
                    answers.add(answer);
                }
            } catch (IllegalArgumentException e) {
                problems.add(new QuestionProblem(i + 1, question.id(), e.getMessage()));
            }
        }
        for (String id : given.keySet()) {
            if (!known.contains(id)) {
                problems.add(new QuestionProblem(0, id, "'" + id + "' is not a question of this questionnaire."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(problems);
        }
        return answers;
    }

    /** The answer, or null when the question was left blank. */
    private static @Nullable Answer answerOf(Question question, @Nullable Object value) {
        if (isBlank(value)) {
            return null;
        }
        return switch (question.kind()) {
            case TEXT, LONG_TEXT -> {
                if (!(value instanceof String text)) {
                    throw new IllegalArgumentException("The answer must be text.");
                }
                int limit = question.kind() == QuestionKind.TEXT ? MAX_TEXT : MAX_LONG_TEXT;
                String answer = text.strip();
                if (answer.codePointCount(0, answer.length()) > limit) {
                    throw new IllegalArgumentException("The answer is longer than " + limit + " characters.");
                }
                yield answer(question, answer, null, List.of());
            }
            case NUMBER -> {
                BigDecimal number = number(value);
                BigDecimal min = question.min();
                BigDecimal max = question.max();
                if ((min != null && number.compareTo(min) < 0) || (max != null && number.compareTo(max) > 0)) {
                    throw new IllegalArgumentException(
                            "The answer must be " + range(min, max) + "; it was " + number.toPlainString() + ".");
                }
                yield answer(question, null, number, List.of());
            }
            case SINGLE_CHOICE -> {
                if (!(value instanceof String choice) || !question.options().contains(choice.strip())) {
                    throw new IllegalArgumentException("The answer must be one of " + question.options() + ".");
                }
                yield answer(question, choice.strip(), null, List.of());
            }
            case MULTI_CHOICE -> {
                Collection<?> chosen = value instanceof Collection<?> list ? list : List.of(value);
                Set<String> picked = new LinkedHashSet<>();
                for (Object choice : chosen) {
                    if (!(choice instanceof String option)
                            || !question.options().contains(option.strip())) {
                        throw new IllegalArgumentException(
                                "'" + choice + "' is not one of " + question.options() + ".");
                    }
                    picked.add(option.strip());
                }
                // Stored in the options' order, however the client listed them.
                yield answer(
                        question,
                        null,
                        null,
                        question.options().stream().filter(picked::contains).toList());
            }
        };
    }

    private static Answer answer(
            Question question, @Nullable String text, @Nullable BigDecimal number, List<String> choices) {
        return new Answer(question.id(), question.topic(), question.prompt(), question.kind(), text, number, choices);
    }

    private static BigDecimal number(Object value) {
        try {
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof Number || value instanceof String) {
                return new BigDecimal(value.toString().strip());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("The answer must be a number.");
    }

    private static String range(@Nullable BigDecimal min, @Nullable BigDecimal max) {
        if (min != null && max != null) {
            return "between " + min.toPlainString() + " and " + max.toPlainString();
        }
        return min != null ? "at least " + min.toPlainString() : "at most " + max.toPlainString();
    }

    private static boolean isBlank(@Nullable Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
    }
}
