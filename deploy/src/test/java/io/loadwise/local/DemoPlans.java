package io.loadwise.local;

import io.loadwise.checkins.CheckInEntry;
import io.loadwise.checkins.CheckInService;
import io.loadwise.checkins.SessionLogEntry;
import io.loadwise.checkins.SessionOutcome;
import io.loadwise.identity.Role;
import io.loadwise.planengine.EngineRules;
import io.loadwise.planengine.PlanRulesService;
import io.loadwise.plans.PlanService;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.SessionStatus;
import io.loadwise.plans.templates.PlanTemplate;
import io.loadwise.plans.templates.TemplateService;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.ActingAs;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * Plans for the demo: Stride's engine applies its changes automatically; Jess follows the hamstring
 * return-to-run template since two and a half weeks, with her sessions logged and two weeks of calm
 * check-ins (so her charts have a story); Priya started the masters template five days ago and has
 * logged nothing yet (the dashboard flags it once the sweep ran). Seeded through the services, as
 * the coach and the clients would, so every rule applies. Idempotent: a client with a plan is left
 * as she is.
 */
final class DemoPlans {

    private static final ZoneId STRIDE_ZONE = ZoneId.of("America/Chicago");

    private DemoPlans() {}

    static void seed(ApplicationContext app) {
        PlanService plans = app.getBean(PlanService.class);
        PlanStore store = app.getBean(PlanStore.class);
        TemplateService templates = app.getBean(TemplateService.class);
        CheckInService checkIns = app.getBean(CheckInService.class);
        PlanRulesService rules = app.getBean(PlanRulesService.class);
        TenantId stride = DemoData.STRIDE;
        UUID ruth = DemoData.userId(1);
        ClientId jess = DemoData.clientId(11);
        ClientId priya = DemoData.clientId(12);
        if (TenantContext.callAs(stride, () -> !store.plansOf(jess).isEmpty())) {
            return;
        }
        LocalDate today = LocalDate.now(STRIDE_ZONE);
        ActingAs.run(ruth, stride, Role.COACH, () -> {
            var current = rules.rules();
            EngineRules d = EngineRules.DEFAULTS;
            rules.update(
                    new EngineRules("automatic", d.painZones(), d.triggers(), d.dialBack(), d.progression(), d.flags()),
                    current.version());
            plans.assign(jess, template(templates, "return to run (12 weeks)"), today.minusDays(17), null);
            plans.setBaseline(jess, 2);
            plans.assign(priya, template(templates, "masters & menopause"), today.minusDays(5), null);
        });
        UUID jessUser = DemoData.userId(11);
        List<PlanSession> past =
                TenantContext.callAs(stride, () -> store.current(jess).orElseThrow()).sessions().stream()
                        .filter(s -> s.date().isBefore(today) && s.status() == SessionStatus.PLANNED)
                        .toList();
        ActingAs.run(jessUser, stride, Role.CLIENT, () -> {
            for (int i = 0; i < past.size(); i++) {
                PlanSession session = past.get(i);
                SessionOutcome outcome = i == 4 ? SessionOutcome.SKIPPED : SessionOutcome.DONE;
                Integer minutes =
                        session.spec() instanceof RunSession run ? run.durationMinutes() : Integer.valueOf(35);
                checkIns.logMySession(
                        session.id(),
                        null,
                        new SessionLogEntry(
                                outcome,
                                outcome == SessionOutcome.SKIPPED ? null : minutes,
                                null,
                                outcome == SessionOutcome.SKIPPED ? null : 4 + i % 3,
                                List.of(),
                                outcome == SessionOutcome.SKIPPED ? "Work trip, no time" : ""));
            }
            for (int daysAgo = 14; daysAgo >= 1; daysAgo--) {
                int during = daysAgo % 4 == 0 ? 3 : daysAgo % 3 == 0 ? 1 : 2;
                int morning = daysAgo > 7 ? 2 : 1;
                checkIns.recordMyCheckIn(new CheckInEntry(
                        today.minusDays(daysAgo),
                        during,
                        morning,
                        2,
                        daysAgo > 10 ? 3 : 2,
                        new BigDecimal(daysAgo % 2 == 0 ? "7.5" : "7"),
                        daysAgo == 14 ? "Tight after the long drive home" : "",
                        null));
            }
        });
    }

    private static io.loadwise.plans.TemplateId template(TemplateService templates, String namePart) {
        return templates.list().stream()
                .filter(t -> t.name().startsWith("Hamstring") && t.name().contains(namePart))
                .map(PlanTemplate::id)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No hamstring template named …" + namePart));
    }
}
