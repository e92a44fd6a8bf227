package io.loadwise.checkins;

import io.loadwise.plans.PlanSession;
import org.jspecify.annotations.Nullable;

/** A session of the client's current plan they may log now, with its log when there is one. */
public record LoggableSession(PlanSession session, @Nullable SessionLog log) {}
