package io.loadwise.planengine;

import io.loadwise.checkins.CheckIn;
import io.loadwise.plans.ClientPlan;
import io.loadwise.plans.CrossTrainingMode;
import io.loadwise.plans.CrossTrainingSession;
import io.loadwise.plans.ExerciseDose;
import io.loadwise.plans.ExitCriteria;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.Phase;
import io.loadwise.plans.PlanId;
import io.loadwise.plans.PlanSchedule;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.PlanStatus;
import io.loadwise.plans.RecoverySession;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.ScheduledSession;
import io.loadwise.plans.SessionStatus;
import io.loadwise.plans.StrengthSession;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.TemplateWeek;
import io.loadwise.roster.ClientId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** A small but realistic hamstring return-to-run document and plans made from it, in memory. */
final class EngineFixtures {

    static final ClientId CLIENT = new ClientId(UUID.fromString("00000000-0000-7000-8000-00000000c11e"));
    static final PlanId PLAN = new PlanId(UUID.fromString("00000000-0000-7000-8000-0000000001a0"));

    static final StrengthSession ISOMETRICS = new StrengthSession(
            "Isometrics and glutes",
            List.of(
                    new ExerciseDose(null, "Bridge hold", 5, null, 45, "bodyweight", null),
                    new ExerciseDose(null, "Prone hamstring isometric", 5, null, 30, "bodyweight", null)),
            "Pain up to 3/10 during the holds is fine.");
    static final StrengthSession HEAVY = new StrengthSession(
            "Heavy slow resistance",
            List.of(new ExerciseDose(null, "Romanian deadlift", 4, 6, null, "40 kg", "3-0-3")),
            "");
    static final RunSession SPEED = new RunSession(
            "Hill repeats 40 min", RunType.SPEED, 40, null, Intensity.rpe("7-8"), "6 × 1 min", "Drive the arms back.");
    static final RunSession EASY =
            new RunSession("Easy run 30 min", RunType.EASY, 30, null, Intensity.rpe("3-4"), null, "");
    static final RunSession LONG =
            new RunSession("Long run 8 km", RunType.LONG, null, new BigDecimal("8.0"), Intensity.rpe("4"), null, "");
    static final RunSession STRIDES =
            new RunSession("Strides 20 min", RunType.STRIDES, 20, null, Intensity.rpe("6"), "6 × 20 s", "Run tall.");
    static final CrossTrainingSession BIKE =
            new CrossTrainingSession("Easy cycling 45 min", CrossTrainingMode.CYCLING, 45, Intensity.rpe("3-4"), "");
    static final RecoverySession RECOVERY = new RecoverySession(
            "Mobility and recovery",
            20,
            List.of("Run tall"),
            List.of("8 h sleep", "20-30 g protein after strength"),
            "");

    private EngineFixtures() {}

    static TemplateWeek week(StrengthSession strength) {
        return new TemplateWeek(
                "",
                List.of(
                        new TemplateSession(DayOfWeek.MONDAY, strength),
                        new TemplateSession(DayOfWeek.TUESDAY, SPEED),
                        new TemplateSession(DayOfWeek.WEDNESDAY, RECOVERY),
                        new TemplateSession(DayOfWeek.THURSDAY, EASY),
                        new TemplateSession(DayOfWeek.THURSDAY, strength),
                        new TemplateSession(DayOfWeek.FRIDAY, BIKE),
                        new TemplateSession(DayOfWeek.SATURDAY, LONG),
                        new TemplateSession(DayOfWeek.SUNDAY, STRIDES)));
    }

    /** Isometrics (2 weeks) → heavy slow resistance (2 weeks) → return to speed (1 week). */
    static TemplateContent hamstringContent() {
        return new TemplateContent(List.of(
                new Phase(
                        "isometrics",
                        "Isometrics and pain control",
                        "Calm the tendon",
                        "",
                        ExitCriteria.DEFAULT,
                        null,
                        List.of(week(ISOMETRICS), week(ISOMETRICS))),
                new Phase(
                        "strength",
                        "Heavy slow resistance",
                        "Build capacity",
                        "Pain ≤ 2/10",
                        ExitCriteria.DEFAULT,
                        null,
                        List.of(week(HEAVY), week(HEAVY))),
                new Phase(
                        "speed",
                        "Return to speed",
                        "Run fast again",
                        "",
                        ExitCriteria.DEFAULT,
                        null,
                        List.of(week(HEAVY)))));
    }

    /** A plan from {@code start} in its first phase, every session as mapped by {@code status}. */
    static PlanSnapshot plan(LocalDate start, Function<ScheduledSession, SessionStatus> status) {
        return plan(start, "isometrics", start, null, status);
    }

    static PlanSnapshot plan(
            LocalDate start,
            String phase,
            LocalDate phaseStart,
            Integer baseline,
            Function<ScheduledSession, SessionStatus> status) {
        TemplateContent content = hamstringContent();
        List<PlanSession> sessions = new ArrayList<>();
        int i = 0;
        for (ScheduledSession s : PlanSchedule.materialize(content, "isometrics", start, 1)) {
            sessions.add(new PlanSession(
                    new PlanSessionId(UUID.nameUUIDFromBytes(("session-" + i++).getBytes(StandardCharsets.UTF_8))),
                    PLAN,
                    s.date(),
                    s.position(),
                    s.phaseKey(),
                    s.weekNumber(),
                    s.spec(),
                    status.apply(s),
                    null,
                    null));
        }
        ClientPlan plan = new ClientPlan(
                PLAN,
                CLIENT,
                null,
                "Hamstring return to run",
                start,
                PlanSchedule.endDate(start, content.totalWeeks()),
                PlanStatus.ACTIVE,
                phase,
                phaseStart,
                baseline,
                1,
                Instant.parse("2026-11-01T08:00:00Z"),
                Instant.parse("2026-11-01T08:00:00Z"));
        return new PlanSnapshot(plan, content, sessions);
    }

    static CheckIn checkIn(
            int n, LocalDate date, Integer painDuring, Integer morningPain, Integer stiffness, Integer sitting) {
        return new CheckIn(
                UUID.nameUUIDFromBytes(("check-in-" + n).getBytes(StandardCharsets.UTF_8)),
                CLIENT,
                PLAN,
                null,
                date,
                painDuring,
                morningPain,
                stiffness,
                sitting,
                null,
                "",
                date.atTime(8, 0).toInstant(ZoneOffset.UTC).plusSeconds(n));
    }
}
