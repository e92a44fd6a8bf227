package io.loadwise.plans;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** What became of a dated session. */
public enum SessionStatus {
    PLANNED,
    DONE,
    PARTIAL,
    SKIPPED,
    MISSED,
    CANCELLED;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static SessionStatus fromCode(String code) {
        return Codes.parse(SessionStatus.class, code, "session status");
    }
}
