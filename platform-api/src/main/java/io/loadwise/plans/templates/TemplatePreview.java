package io.loadwise.plans.templates;

import io.loadwise.plans.Phase;
import io.loadwise.plans.PlanSchedule;
import io.loadwise.plans.ScheduledSession;
import io.loadwise.plans.SessionSpec;
import io.loadwise.plans.TemplateContent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A template laid out as a client would get it from {@code start}: week by week, seven dated days
 * each, with the sessions of each day — the calendar {@link PlanSchedule#materialize} would make.
 */
public record TemplatePreview(LocalDate start, List<Week> weeks) {

    /** Week {@code number} (1-based) of the plan: the seven days from {@code firstDay}. */
    public record Week(
            int number, String phaseKey, String phaseName, String focus, LocalDate firstDay, List<Day> days) {}

    public record Day(LocalDate date, List<SessionSpec> sessions) {}

    public static TemplatePreview of(TemplateContent content, LocalDate start) {
        List<Week> weeks = new ArrayList<>();
        if (content.phases().isEmpty()) {
            return new TemplatePreview(start, weeks);
        }
        List<ScheduledSession> sessions =
                PlanSchedule.materialize(content, content.phases().getFirst().key(), start, 1);
        int number = 1;
        for (Phase phase : content.sequenceFrom(content.phases().getFirst().key())) {
            for (var templateWeek : phase.weeks()) {
                LocalDate firstDay = start.plusWeeks(number - 1);
                List<Day> days = new ArrayList<>();
                for (int d = 0; d < 7; d++) {
                    LocalDate date = firstDay.plusDays(d);
                    int week = number;
                    days.add(new Day(
                            date,
                            sessions.stream()
                                    .filter(s ->
                                            s.weekNumber() == week && s.date().equals(date))
                                    .map(ScheduledSession::spec)
                                    .toList()));
                }
                weeks.add(new Week(number, phase.key(), phase.name(), templateWeek.focus(), firstDay, days));
                number++;
            }
        }
        return new TemplatePreview(start, weeks);
    }
}
