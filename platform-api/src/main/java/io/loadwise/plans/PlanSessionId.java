package io.loadwise.plans;

import java.util.UUID;

/** One dated session of a plan. */
public record PlanSessionId(UUID value) {

    public PlanSessionId {
        if (value == null) {
            throw new IllegalArgumentException("id must not be null");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
