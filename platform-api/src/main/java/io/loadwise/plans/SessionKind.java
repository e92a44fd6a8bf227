package io.loadwise.plans;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** The four kinds of session a plan is made of. */
public enum SessionKind {
    RUN,
    STRENGTH,
    CROSS_TRAINING,
    RECOVERY;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static SessionKind fromCode(String code) {
        return Codes.parse(SessionKind.class, code, "session kind");
    }
}
