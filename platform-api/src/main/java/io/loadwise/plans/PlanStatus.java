package io.loadwise.plans;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** Where a client's plan stands. A client has at most one active or paused plan. */
public enum PlanStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    COMPLETED,
    ENDED;

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static PlanStatus fromCode(String code) {
        return Codes.parse(PlanStatus.class, code, "plan status");
    }
}
