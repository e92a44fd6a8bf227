package io.loadwise.plans;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** What a run session is for. */
public enum RunType {
    EASY,
    LONG,
    SPEED,
    STRIDES;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static RunType fromCode(String code) {
        return Codes.parse(RunType.class, code, "run type");
    }
}
