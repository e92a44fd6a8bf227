package io.loadwise.intake;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One question of an intake questionnaire.
 *
 * @param id stable within the questionnaire, so answers can be matched to it across edits
 * @param min lowest accepted answer of a {@link QuestionKind#NUMBER} question, if limited
 * @param max highest accepted answer of a {@link QuestionKind#NUMBER} question, if limited
 * @param options the choices of a choice question, in the order shown; empty for other kinds
 */
public record Question(
        String id,
        QuestionTopic topic,
        String prompt,
        QuestionKind kind,
        boolean required,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        List<String> options) {

    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static Question text(String id, QuestionTopic topic, String prompt, boolean required) {
        return new Question(id, topic, prompt, QuestionKind.TEXT, required, null, null, List.of());
    }

    public static Question longText(String id, QuestionTopic topic, String prompt, boolean required) {
        return new Question(id, topic, prompt, QuestionKind.LONG_TEXT, required, null, null, List.of());
    }

    public static Question number(
            String id,
            QuestionTopic topic,
            String prompt,
            boolean required,
            @Nullable Number min,
            @Nullable Number max) {
        return new Question(
                id,
                topic,
                prompt,
                QuestionKind.NUMBER,
                required,
                min == null ? null : new BigDecimal(min.toString()),
                max == null ? null : new BigDecimal(max.toString()),
                List.of());
    }

    public static Question choice(
            String id, QuestionTopic topic, String prompt, boolean required, boolean multiple, List<String> options) {
        return new Question(
                id,
                topic,
                prompt,
                multiple ? QuestionKind.MULTI_CHOICE : QuestionKind.SINGLE_CHOICE,
                required,
                null,
                null,
                options);
    }
}
