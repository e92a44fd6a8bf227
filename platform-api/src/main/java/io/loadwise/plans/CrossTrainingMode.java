package io.loadwise.plans;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** Aerobic work that spares the tendon from running's load. */
public enum CrossTrainingMode {
    CYCLING,
    POOL_RUNNING,
    ELLIPTICAL,
    SWIMMING,
    ROWING;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static CrossTrainingMode fromCode(String code) {
        return Codes.parse(CrossTrainingMode.class, code, "cross training mode");
    }
}
