package io.loadwise.planengine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** What a dial-back turns speed and strides runs into. */
public enum SpeedSwap {
    EASY_RUN,
    CROSS_TRAINING;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static SpeedSwap fromCode(String code) {
        return Codes.parse(SpeedSwap.class, code, "speed swap");
    }
}
