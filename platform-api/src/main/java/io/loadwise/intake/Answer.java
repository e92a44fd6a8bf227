package io.loadwise.intake;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A client's answer to one question, with the question as it was asked: editing the
 * questionnaire later changes nothing a client already said.
 *
 * @param text the answer of a text question, or the chosen option of a single choice
 * @param number the answer of a number question
 * @param choices the options chosen in a multiple choice question, in the options' order
 */
public record Answer(
        String questionId,
        QuestionTopic topic,
        String prompt,
        QuestionKind kind,
        @Nullable String text,
        @Nullable BigDecimal number,
        List<String> choices) {

    public Answer {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The answer as one line of text for people to read. */
    public String display() {
        return switch (kind) {
            case NUMBER -> number == null ? "" : number.stripTrailingZeros().toPlainString();
            case MULTI_CHOICE -> String.join(", ", choices);
            default -> text == null ? "" : text;
        };
    }

    /** The answer as JSON would carry it: text, a number or a list of options. */
    public @Nullable Object value() {
        return switch (kind) {
            case NUMBER -> number;
            case MULTI_CHOICE -> choices;
            default -> text;
        };
    }
}
