package io.loadwise.checkins;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.plans.SessionStatus;
import io.loadwise.shared.Codes;

/** What the client reports of a session. */
public enum SessionOutcome {
    DONE,
    PARTIAL,
    SKIPPED;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    public SessionStatus sessionStatus() {
        return switch (this) {
            case DONE -> SessionStatus.DONE;
            case PARTIAL -> SessionStatus.PARTIAL;
            case SKIPPED -> SessionStatus.SKIPPED;
        };
    }

    @JsonCreator
    public static SessionOutcome fromCode(String code) {
        return Codes.parse(SessionOutcome.class, code, "session outcome");
    }
}
