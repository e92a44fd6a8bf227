package io.loadwise.plans.templates;

import static io.loadwise.plans.templates.TemplateRulesTests.EASY_RUN;
import static io.loadwise.plans.templates.TemplateRulesTests.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.plans.ExitCriteria;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.Phase;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.TemplateWeek;
import io.loadwise.plans.templates.TemplateBuilder.CopyPlacement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateBuilderTests {

    static RunSession run(String title) {
        return new RunSession(title, RunType.EASY, 30, null, Intensity.rpe("3"), null, "");
    }

    static List<String> titles(TemplateContent content, int phase, int week) {
        return content.phases().get(phase).weeks().get(week).sessions().stream()
                .map(s -> s.day().toString().substring(0, 3) + " " + s.spec().title())
                .toList();
    }

    TemplateContent twoPhases() {
        TemplateContent content = TemplateBuilder.addPhase(new TemplateContent(List.of()), "Isometrics & pain control");
        content = TemplateBuilder.addSession(content, 0, 0, on(DayOfWeek.TUESDAY, run("Tue run")));
        content = TemplateBuilder.addSession(content, 0, 0, on(DayOfWeek.MONDAY, run("Mon holds")));
        content = TemplateBuilder.addPhase(content, "Eccentric");
        return TemplateBuilder.addSession(content, 1, 0, on(DayOfWeek.FRIDAY, EASY_RUN));
    }

    @Test
    void new_phases_get_keys_from_their_names_and_sessions_sit_in_weekday_order() {
        TemplateContent content = twoPhases();
        content = TemplateBuilder.addPhase(content, "Eccentric");

        assertThat(content.phases())
                .extracting(Phase::key)
                .containsExactly("isometrics-pain-control", "eccentric", "eccentric-2");
        assertThat(titles(content, 0, 0)).containsExactly("MON Mon holds", "TUE Tue run");
    }

    @Test
    void phases_and_weeks_move_up_and_down_and_stop_at_the_ends() {
        TemplateContent content = TemplateBuilder.movePhase(twoPhases(), 1, -1);
        assertThat(content.phases()).extracting(Phase::name).containsExactly("Eccentric", "Isometrics & pain control");
        assertThat(TemplateBuilder.movePhase(content, 0, -1)).isEqualTo(content);

        content = TemplateBuilder.addWeek(content, 0);
        content = TemplateBuilder.setWeekFocus(content, 0, 1, "second");
        content = TemplateBuilder.moveWeek(content, 0, 1, -1);
        assertThat(content.phases().getFirst().weeks())
                .extracting(TemplateWeek::focus)
                .containsExactly("second", "");
    }

    @Test
    void a_week_is_copied_after_itself_or_to_the_end_of_its_phase() {
        TemplateContent content = TemplateBuilder.addWeek(twoPhases(), 0);
        content = TemplateBuilder.setWeekFocus(content, 0, 1, "last");

        TemplateContent afterItself = TemplateBuilder.copyWeek(content, 0, 0, CopyPlacement.AFTER_ITSELF);
        TemplateContent atEnd = TemplateBuilder.copyWeek(content, 0, 0, CopyPlacement.END_OF_PHASE);

        assertThat(afterItself.phases().getFirst().weeks())
                .extracting(TemplateWeek::focus)
                .containsExactly("", "", "last");
        assertThat(titles(afterItself, 0, 1)).containsExactly("MON Mon holds", "TUE Tue run");
        assertThat(atEnd.phases().getFirst().weeks())
                .extracting(TemplateWeek::focus)
                .containsExactly("", "last", "");
        assertThat(titles(atEnd, 0, 2)).containsExactly("MON Mon holds", "TUE Tue run");
    }

    @Test
    void sessions_move_within_their_day_then_to_the_next_day() {
        TemplateContent content = twoPhases();
        content = TemplateBuilder.addSession(content, 0, 0, on(DayOfWeek.MONDAY, run("Mon core")));
        assertThat(titles(content, 0, 0)).containsExactly("MON Mon holds", "MON Mon core", "TUE Tue run");

        content = TemplateBuilder.moveSession(content, 0, 0, 1, -1);
        assertThat(titles(content, 0, 0)).containsExactly("MON Mon core", "MON Mon holds", "TUE Tue run");

        content = TemplateBuilder.moveSession(content, 0, 0, 1, +1);
        assertThat(titles(content, 0, 0)).containsExactly("MON Mon core", "TUE Mon holds", "TUE Tue run");

        content = TemplateBuilder.moveSession(content, 0, 0, 0, -1);
        assertThat(titles(content, 0, 0))
                .as("Monday's first stays")
                .containsExactly("MON Mon core", "TUE Mon holds", "TUE Tue run");
    }

    @Test
    void removing_a_phase_unlinks_the_phases_that_pointed_to_it() {
        TemplateContent content = twoPhases();
        content = TemplateBuilder.addPhase(content, "Speed");
        content = TemplateBuilder.addSession(content, 2, 0, on(DayOfWeek.SUNDAY, EASY_RUN));
        Phase first = content.phases().getFirst();
        content = TemplateBuilder.updatePhase(
                content, 0, new Phase(first.key(), first.name(), "goal", "", ExitCriteria.DEFAULT, "speed", List.of()));
        assertThat(content.phases().getFirst().weeks()).as("weeks kept").hasSize(1);

        content = TemplateBuilder.removePhase(content, 2);

        assertThat(content.phases()).extracting(Phase::next).containsOnlyNulls();
        assertThat(TemplateRules.contentProblems(content)).isEmpty();
    }

    @Test
    void renaming_a_key_keeps_the_links_to_it() {
        TemplateContent content = twoPhases();
        Phase first = content.phases().getFirst();
        content = TemplateBuilder.updatePhase(
                content, 0, new Phase(first.key(), first.name(), "", "", ExitCriteria.DEFAULT, "eccentric", List.of()));
        Phase second = content.phases().get(1);
        content = TemplateBuilder.updatePhase(
                content, 1, new Phase("ecc", second.name(), "", "", ExitCriteria.DEFAULT, null, List.of()));

        assertThat(content.phases().getFirst().next()).isEqualTo("ecc");
    }

    @Test
    void sessions_are_replaced_and_removed_by_their_place_in_the_week() {
        TemplateContent content = twoPhases();
        content = TemplateBuilder.replaceSession(
                content, 0, 0, 0, new TemplateSession(DayOfWeek.WEDNESDAY, run("Wed holds")));
        assertThat(titles(content, 0, 0)).containsExactly("TUE Tue run", "WED Wed holds");
        content = TemplateBuilder.removeSession(content, 0, 0, 0);
        assertThat(titles(content, 0, 0)).containsExactly("WED Wed holds");
        TemplateContent finalContent = content;
        assertThatThrownBy(() -> TemplateBuilder.removeSession(finalContent, 0, 0, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The week has no session 6.");
    }

    @Test
    void the_preview_lays_out_every_week_from_the_start_date() {
        TemplateContent content = TemplateBuilder.addWeek(twoPhases(), 0);
        content = TemplateBuilder.addSession(content, 0, 1, on(DayOfWeek.SATURDAY, run("Sat long")));

        // A Wednesday start: Monday's session falls on the first Monday of each week.
        TemplatePreview preview = TemplatePreview.of(content, LocalDate.of(2026, 12, 2));

        assertThat(preview.weeks()).hasSize(3);
        assertThat(preview.weeks())
                .extracting(TemplatePreview.Week::phaseKey)
                .containsExactly("isometrics-pain-control", "isometrics-pain-control", "eccentric");
        TemplatePreview.Week first = preview.weeks().getFirst();
        assertThat(first.days()).hasSize(7);
        assertThat(first.days().getFirst().date()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(first.days().get(5).date()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(first.days().get(5).sessions()).extracting(s -> s.title()).containsExactly("Mon holds");
        assertThat(first.days().get(6).sessions()).extracting(s -> s.title()).containsExactly("Tue run");
        assertThat(preview.weeks().get(1).days().get(3).sessions())
                .extracting(s -> s.title())
                .containsExactly("Sat long");
    }
}
