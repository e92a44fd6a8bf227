package io.loadwise.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a question is answered. */
public enum QuestionKind {
    /** One line of text, up to {@value Answers#MAX_TEXT} characters. */
    TEXT,
    /** Free text, up to {@value Answers#MAX_LONG_TEXT} characters. */
    LONG_TEXT,
    /** A number, optionally within the question's min and max. */
    NUMBER,
    /** Exactly one of the question's options. */
    SINGLE_CHOICE,
    /** Any of the question's options. */
    MULTI_CHOICE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTI_CHOICE;
    }

    @JsonCreator
    public static QuestionKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(kind -> kind.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + code + "' is not a question kind; use one of "
                        + Arrays.stream(values()).map(QuestionKind::code).toList() + "."));
    }
}
