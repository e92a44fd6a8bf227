package io.loadwise.plans;

import java.util.UUID;

/** A client's dated plan. */
public record PlanId(UUID value) {

    public PlanId {
        if (value == null) {
            throw new IllegalArgumentException("id must not be null");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
