package io.loadwise.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.checkins.CheckInHistory;
import io.loadwise.identity.Role;
import io.loadwise.planengine.EngineMode;
import io.loadwise.planengine.PlanRulesService;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.PlanStatus;
import io.loadwise.plans.PlanStore;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestInfrastructure;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The demo run's plans: what a newcomer sees in the coach's Plan and Progress tabs and Jess's portal. */
@IntegrationTest(keycloak = true)
class DemoPlansIT {

    @Autowired
    ApplicationContext application;

    @Autowired
    PlanStore plans;

    @Autowired
    CheckInHistory history;

    @Autowired
    PlanRulesService rules;

    @Test
    void jess_follows_the_hamstring_plan_with_her_history_and_seeding_again_changes_nothing() {
        DemoData.seedInto(application, TestInfrastructure.keycloak().url());
        DemoData.seedInto(application, TestInfrastructure.keycloak().url());

        LocalDate today = LocalDate.now(ZoneId.of("America/Chicago"));
        PlanSnapshot jess = TenantContext.callAs(DemoData.STRIDE, () -> plans.current(DemoData.clientId(11)))
                .orElseThrow();
        assertThat(jess.plan().name()).startsWith("Hamstring tendinopathy — return to run");
        assertThat(jess.plan().status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(jess.plan().baselineMorningPain()).isEqualTo(2);
        assertThat(TenantContext.callAs(DemoData.STRIDE, () -> plans.plansOf(DemoData.clientId(11))))
                .hasSize(1);
        assertThat(TenantContext.callAs(
                        DemoData.STRIDE, () -> history.logs(DemoData.clientId(11), today.minusDays(30), today)))
                .hasSizeGreaterThan(10);
        assertThat(TenantContext.callAs(
                        DemoData.STRIDE, () -> history.checkIns(DemoData.clientId(11), today.minusDays(30), today)))
                .hasSize(14);
        assertThat(TenantContext.callAs(DemoData.STRIDE, () -> plans.current(DemoData.clientId(12))))
                .get()
                .satisfies(p -> assertThat(p.plan().name()).contains("masters"));
        assertThat(ActingAs.call(DemoData.userId(1), DemoData.STRIDE, Role.COACH, () -> rules.rules()
                        .rules()
                        .modeValue()))
                .isEqualTo(EngineMode.AUTOMATIC);
    }
}
