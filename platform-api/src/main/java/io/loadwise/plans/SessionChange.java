package io.loadwise.plans;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One session's part of a revision: changed ({@code before} and {@code after}), added (no
 * {@code session} yet, no {@code before}) or cancelled (no {@code after}: the session stays in
 * the plan with status cancelled, so its history is kept).
 *
 * @param phaseKey the phase an added session belongs to; ignored for changed and cancelled ones
 */
public record SessionChange(
        @Nullable PlanSessionId session,
        LocalDate date,
        @Nullable String phaseKey,
        @Nullable SessionSpec before,
        @Nullable SessionSpec after) {

    public static SessionChange changed(PlanSession session, SessionSpec after) {
        return new SessionChange(session.id(), session.date(), session.phaseKey(), session.spec(), after);
    }

    public static SessionChange cancelled(PlanSession session) {
        return new SessionChange(session.id(), session.date(), session.phaseKey(), session.spec(), null);
    }

    public static SessionChange added(LocalDate date, String phaseKey, SessionSpec spec) {
        return new SessionChange(null, date, phaseKey, null, spec);
    }
}
