package io.loadwise.planengine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** Whether the engine's changes apply at once or wait for a coach's approval. */
public enum EngineMode {
    AUTOMATIC,
    PROPOSE;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static EngineMode fromCode(String code) {
        return Codes.parse(EngineMode.class, code, "engine mode");
    }
}
