package io.loadwise.testsupport;

import io.loadwise.plans.CrossTrainingMode;
import io.loadwise.plans.CrossTrainingSession;
import io.loadwise.plans.ExerciseDose;
import io.loadwise.plans.ExitCriteria;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.IntensityScale;
import io.loadwise.plans.Phase;
import io.loadwise.plans.RecoverySession;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.StrengthSession;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.TemplateWeek;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.List;

/**
 * A small hamstring template the way a coach would write one: two weeks of isometrics and pain
 * control, then two of eccentric and strength work; a session every day, so every date of a plan
 * made from it has one.
 */
public final class SampleTemplates {

    private SampleTemplates() {}

    public static TemplateContent hamstring() {
        StrengthSession bridges = new StrengthSession(
                "Isometric bridge holds",
                List.of(
                        new ExerciseDose(null, "Single-leg bridge hold", 5, null, 45, "bodyweight", null),
                        new ExerciseDose(null, "Prone hamstring isometric", 4, null, 30, "band", null)),
                "Hold at a pain of 3/10 or less.");
        RunSession easy = new RunSession(
                "Easy run 20 min",
                RunType.EASY,
                20,
                null,
                Intensity.rpe("3-4"),
                null,
                "Flat route, conversational pace.");
        RecoverySession mobility = new RecoverySession(
                "Mobility and sleep", 15, List.of("Short quick steps"), List.of("8 h sleep", "20-30 g protein"), "");
        CrossTrainingSession bike =
                new CrossTrainingSession("Easy spin", CrossTrainingMode.CYCLING, 30, Intensity.rpe("4"), "");
        RunSession longRun = new RunSession(
                "Long easy run 5 km",
                RunType.LONG,
                null,
                new BigDecimal("5.0"),
                new Intensity(IntensityScale.HR_ZONE, "2"),
                null,
                "");
        StrengthSession nordics = new StrengthSession(
                "Eccentric strength",
                List.of(
                        new ExerciseDose(null, "Nordic curl (assisted)", 3, 5, null, "band", "3-0-1"),
                        new ExerciseDose(null, "Slow single-leg RDL", 3, 8, null, "8 kg", "3-1-1")),
                "");
        TemplateWeek calm = new TemplateWeek(
                "Settle the tendon",
                List.of(
                        new TemplateSession(DayOfWeek.MONDAY, bridges),
                        new TemplateSession(DayOfWeek.TUESDAY, easy),
                        new TemplateSession(DayOfWeek.WEDNESDAY, mobility),
                        new TemplateSession(DayOfWeek.THURSDAY, bike),
                        new TemplateSession(DayOfWeek.FRIDAY, bridges),
                        new TemplateSession(DayOfWeek.SATURDAY, longRun),
                        new TemplateSession(DayOfWeek.SUNDAY, mobility)));
        TemplateWeek load = new TemplateWeek(
                "Load it slowly",
                List.of(
                        new TemplateSession(DayOfWeek.MONDAY, nordics),
                        new TemplateSession(DayOfWeek.TUESDAY, easy),
                        new TemplateSession(DayOfWeek.WEDNESDAY, mobility),
                        new TemplateSession(DayOfWeek.THURSDAY, bike),
                        new TemplateSession(DayOfWeek.FRIDAY, nordics),
                        new TemplateSession(DayOfWeek.SATURDAY, longRun),
                        new TemplateSession(DayOfWeek.SUNDAY, mobility)));
        return new TemplateContent(List.of(
                new Phase(
                        "isometric",
                        "Isometrics and pain control",
                        "Calm the tendon",
                        "Pain at rest ≤ 3/10",
                        ExitCriteria.DEFAULT,
                        null,
                        List.of(calm, calm)),
                new Phase(
                        "strength",
                        "Eccentric and strength",
                        "Build capacity",
                        "Two calm weeks",
                        ExitCriteria.DEFAULT,
                        null,
                        List.of(load, load))));
    }

    /** Inserts a template into the tenant's library the way the template service stores one. */
}
