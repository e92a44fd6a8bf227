package io.loadwise.testsupport;

import io.loadwise.plans.ExerciseDose;
import io.loadwise.plans.ExitCriteria;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.Phase;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.PlanStatus;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.RevisionSource;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.StrengthSession;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.TemplateWeek;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan for tests, made directly through {@link PlanStore} from a small hamstring-tendinopathy
 * template: easy runs on Monday, Wednesday, Friday and Sunday, isometrics and heavy slow
 * resistance on Tuesday, Thursday and Saturday — a session every day, so any date has one.
 */
public final class HamstringTestPlan {

    private HamstringTestPlan() {}

    public static TemplateContent hamstringIsometrics(int weeks) {
        List<TemplateWeek> list = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            List<TemplateSession> sessions = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                sessions.add(new TemplateSession(
                        day,
                        day.getValue() % 2 == 1
                                ? new RunSession(
                                        "Easy run",
                                        RunType.EASY,
                                        30,
                                        new BigDecimal("5"),
                                        Intensity.rpe("3-4"),
                                        null,
                                        "Conversational pace.")
                                : new StrengthSession(
                                        "Isometrics",
                                        List.of(
                                                new ExerciseDose(
                                                        null,
                                                        "Prone hamstring isometric",
                                                        5,
                                                        null,
                                                        45,
                                                        "bodyweight",
                                                        null),
                                                new ExerciseDose(
                                                        null, "Single-leg bridge hold", 4, null, 30, null, null)),
                                        "Pain up to 3/10 during is fine.")));
            }
            list.add(new TemplateWeek("Settle the tendon", sessions));
        }
        return new TemplateContent(List.of(new Phase(
                "isometric",
                "Isometrics and pain control",
                "Calm the tendon with holds",
                "Pain at rest 3/10 or less",
                ExitCriteria.DEFAULT,
                null,
                list)));
    }

    /** An active plan of three weeks for the client, starting on {@code start}. */
    public static PlanSnapshot activePlan(PlanStore plans, TenantId tenant, ClientId client, LocalDate start) {
        return TenantContext.callAs(
                tenant,
                () -> plans.create(
                        client,
                        null,
                        "Hamstring tendinopathy — return to run",
                        hamstringIsometrics(3),
                        start,
                        PlanStatus.ACTIVE,
                        RevisionSource.COACH,
                        "Assigned for the test",
                        null));
    }
}
