package io.loadwise.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What a question is about, so coaches and later features can find e.g. the injury answer. */
public enum QuestionTopic {
    INJURY,
    RUNNING_VOLUME,
    GOALS,
    AVAILABILITY,
    EQUIPMENT,
    OTHER;

    /** The name in JSON and storage, e.g. {@code running_volume}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static QuestionTopic fromCode(String code) {
        return Arrays.stream(values())
                .filter(topic -> topic.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + code + "' is not a question topic; use one of "
                        + Arrays.stream(values()).map(QuestionTopic::code).toList() + "."));
    }
}
