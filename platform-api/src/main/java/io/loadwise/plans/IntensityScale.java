package io.loadwise.plans;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** How a session's intensity is prescribed. */
public enum IntensityScale {
    RPE,
    HR_ZONE,
    PACE;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static IntensityScale fromCode(String code) {
        return Codes.parse(IntensityScale.class, code, "intensity scale");
    }
}
