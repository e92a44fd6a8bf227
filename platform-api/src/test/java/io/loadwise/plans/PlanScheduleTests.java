package io.loadwise.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PlanScheduleTests {

    static final RunSession EASY = new RunSession("Easy run", RunType.EASY, 30, null, Intensity.rpe("3-4"), null, "");
    static final StrengthSession HOLDS = new StrengthSession(
            "Isometrics",
            List.of(new ExerciseDose(null, "Bridge hold", 5, null, 45, "bodyweight", null)),
            "Pain up to 3/10 is fine.");

    static TemplateContent twoPhases(String firstNext) {
        Phase first = new Phase(
                "iso",
                "Isometrics",
                "",
                "",
                ExitCriteria.DEFAULT,
                firstNext,
                List.of(new TemplateWeek(
                        "",
                        List.of(
                                new TemplateSession(DayOfWeek.MONDAY, HOLDS),
                                new TemplateSession(DayOfWeek.MONDAY, EASY)))));
        Phase second = new Phase(
                "hsr",
                "Heavy slow resistance",
                "",
                "",
                ExitCriteria.DEFAULT,
                null,
                List.of(new TemplateWeek("", List.of(new TemplateSession(DayOfWeek.SUNDAY, EASY)))));
        return new TemplateContent(List.of(first, second));
    }

    @Test
    void a_plan_starting_midweek_places_each_session_on_the_first_matching_day_of_its_week() {
        LocalDate wednesday = LocalDate.of(2026, 12, 2);

        List<ScheduledSession> sessions = PlanSchedule.materialize(twoPhases(null), "iso", wednesday, 1);

        assertThat(sessions)
                .extracting(
                        ScheduledSession::date,
                        ScheduledSession::position,
                        ScheduledSession::phaseKey,
                        ScheduledSession::weekNumber)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 7), 0, "iso", 1),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 7), 1, "iso", 1),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 12, 13), 0, "hsr", 2));
        assertThat(PlanSchedule.endDate(wednesday, 2)).isEqualTo(LocalDate.of(2026, 12, 15));
    }

    @Test
    void a_cyclic_document_ends_its_sequence_instead_of_looping() {
        TemplateContent cyclic = twoPhases("iso");

        assertThat(cyclic.sequenceFrom("iso")).extracting(Phase::key).containsExactly("iso");
        assertThat(cyclic.phaseAfter("hsr")).isEmpty();
    }

    @Test
    void session_documents_keep_their_kind_through_json() {
        JsonMapper json = JsonMapper.builder().build();
        TemplateContent content = new TemplateContent(List.of(new Phase(
                "x",
                "X",
                "",
                "",
                ExitCriteria.DEFAULT,
                null,
                List.of(new TemplateWeek(
                        "focus",
                        List.of(
                                new TemplateSession(DayOfWeek.TUESDAY, HOLDS),
                                new TemplateSession(
                                        DayOfWeek.THURSDAY,
                                        new CrossTrainingSession(
                                                "Pool running",
                                                CrossTrainingMode.POOL_RUNNING,
                                                40,
                                                Intensity.rpe("5"),
                                                "")),
                                new TemplateSession(
                                        DayOfWeek.SATURDAY,
                                        new RunSession(
                                                "Long run",
                                                RunType.LONG,
                                                null,
                                                new BigDecimal("12.5"),
                                                new Intensity(IntensityScale.HR_ZONE, "2"),
                                                null,
                                                "")),
                                new TemplateSession(
                                        DayOfWeek.SUNDAY,
                                        new RecoverySession(
                                                "Recovery",
                                                20,
                                                List.of("tall posture"),
                                                List.of("8 h sleep"),
                                                ""))))))));

        String text = json.writeValueAsString(content);
        TemplateContent back = json.readValue(text, TemplateContent.class);

        assertThat(back).isEqualTo(content);
        assertThat(text).contains("\"kind\":\"cross_training\"", "\"mode\":\"pool_running\"", "\"day\":\"TUESDAY\"");
        assertThat(json.readValue(json.writerFor(SessionSpec.class).writeValueAsString(HOLDS), SessionSpec.class))
                .isEqualTo(HOLDS);
    }
}
