package io.loadwise.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A plan as of one revision: the plan, the template document it was made from, its sessions by date. */
public record PlanSnapshot(ClientPlan plan, TemplateContent content, List<PlanSession> sessions) {

    public PlanSnapshot {
        sessions = List.copyOf(sessions);
    }

    public List<PlanSession> sessionsBetween(LocalDate from, LocalDate toInclusive) {
        return sessions.stream()
                .filter(s -> !s.date().isBefore(from) && !s.date().isAfter(toInclusive))
                .toList();
    }

    public Optional<PlanSession> session(PlanSessionId id) {
        return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
