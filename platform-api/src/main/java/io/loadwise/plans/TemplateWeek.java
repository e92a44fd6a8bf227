package io.loadwise.plans;

import java.util.List;

/**
 * One week of a phase.
 *
 * @param focus what the week is about, shown above it (may be empty)
 */
public record TemplateWeek(String focus, List<TemplateSession> sessions) {

    public TemplateWeek {
        focus = focus == null ? "" : focus;
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }
}
