package io.loadwise.plans;

import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Work the platform created for a coach, e.g. building the custom plan a client bought.
 *
 * @param sourceRef what caused it (an order reference); the same source never makes two tasks
 */
public record CoachTask(
        UUID id,
        ClientId clientId,
        String clientName,
        @Nullable UUID assigneeId,
        String kind,
        String title,
        @Nullable PlanId planId,
        @Nullable String sourceRef,
        boolean done,
        Instant createdAt,
        @Nullable Instant doneAt) {

    /** The kind of the task a custom plan purchase creates. */
    public static final String BUILD_CUSTOM_PLAN = "build_custom_plan";
}
