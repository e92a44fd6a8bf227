package io.loadwise.plans;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** Who changed a plan. */
public enum RevisionSource {
    COACH,
    ENGINE,
    BILLING,
    CLIENT;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static RevisionSource fromCode(String code) {
        return Codes.parse(RevisionSource.class, code, "revision source");
    }
}
