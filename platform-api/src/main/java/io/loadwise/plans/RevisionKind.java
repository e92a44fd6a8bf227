package io.loadwise.plans;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** What a plan revision did. */
public enum RevisionKind {
    ASSIGNED,
    COACH_EDIT,
    DIAL_BACK,
    PROGRESSION,
    HOLD,
    PAUSED,
    RESUMED;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static RevisionKind fromCode(String code) {
        return Codes.parse(RevisionKind.class, code, "revision kind");
    }
}
