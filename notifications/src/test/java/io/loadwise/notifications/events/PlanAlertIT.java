package io.loadwise.notifications.events;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.notifications.events.Fixtures.awaitEmails;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.checkins.CheckInEntry;
import io.loadwise.checkins.CheckInService;
import io.loadwise.identity.Role;
import io.loadwise.notifications.events.Fixtures.Row;
import io.loadwise.planengine.EngineRules;
import io.loadwise.planengine.PlanRulesService;
import io.loadwise.planengine.ProposalService;
import io.loadwise.plans.PlanRevision;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.RevisionKind;
import io.loadwise.plans.RevisionSource;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.HamstringTestPlan;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The end-to-end path on real PostgreSQL, Kafka and SMTP: a client records a next-morning
 * pain of 6 through the check-in service; the check-in goes through the outbox to Kafka, the plan
 * engine revises her plan (automatic mode) or proposes the change (propose mode), and the coach
 * gets the alert with the engine's reason (and, for the pain above the threshold, a pain spike
 * alert), with a link to the client or to the proposal to approve.
 */
@IntegrationTest
@Import(StandInNotifier.class)
@DirtiesContext // stops this context's consumers, so later test classes own the consumer groups
class PlanAlertIT {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    @Autowired
    PlanStore plans;

    @Autowired
    CheckInService checkIns;

    @Autowired
    PlanRulesService rules;

    @Autowired
    ProposalService proposals;

    Tenant tenant;
    UUID ownerUser;
    UUID clientUser;
    ClientId client;
    String coachEmail;
    String clientName;

    @BeforeEach
    void aCoachAndHerClientOnTheHamstringPlan() {
        tenant = TestTenants.create("Stride Coaching");
        ownerUser = UUID.randomUUID();
        clientUser = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID clientMember = UUID.randomUUID();
        client = new ClientId(UUID.randomUUID());
        coachEmail = "ruth-" + UUID.randomUUID() + "@example.com";
        clientName = "Jess " + UUID.randomUUID().toString().substring(0, 6);
        TestTenants.seed(tenant.id(), db -> {
            member(db, owner, ownerUser, "owner", coachEmail, "Ruth Okafor");
            member(db, clientMember, clientUser, "client", "jess-" + UUID.randomUUID() + "@example.com", clientName);
            db.insertInto(CLIENTS)
                    .set(CLIENTS.TENANT_ID, tenant.id().value())
                    .set(CLIENTS.ID, client.value())
                    .set(CLIENTS.MEMBER_ID, clientMember)
                    .set(CLIENTS.COACH_ID, owner)
                    .set(CLIENTS.DISPLAY_NAME, clientName)
                    .set(CLIENTS.EMAIL, "jess-" + client + "@example.com")
                    .set(CLIENTS.STATUS, "active")
                    .set(CLIENTS.CREATED_AT, OffsetDateTime.now())
                    .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                    .execute();
        });
    }

    @Test
    void automatic_mode_a_next_morning_pain_of_6_dials_the_plan_back_and_alerts_the_coach_with_the_reason() {
        useEngineMode("automatic");
        PlanSnapshot plan = planStartingYesterday();

        as(
                clientUser,
                Role.CLIENT,
                () -> checkIns.recordMyCheckIn(
                        new CheckInEntry(null, 3, 6, 4, 2, null, "Sore after sitting at work", null)));

        Row alert = awaitEmails(tenant.id(), "PLAN_CHANGED_BY_ENGINE").getFirst();
        PlanRevision revision = TenantContext.callAs(
                tenant.id(), () -> plans.revisions(plan.plan().id()).getFirst());
        assertThat(revision.kind()).isEqualTo(RevisionKind.DIAL_BACK);
        assertThat(revision.source()).isEqualTo(RevisionSource.ENGINE);
        assertThat(revision.reason()).contains("Next-morning pain 6/10");
        assertThat(revision.changes()).isNotEmpty();
        assertThat(alert.email()).isEqualTo(coachEmail);
        assertThat(alert.model())
                .containsEntry("reason", revision.reason())
                .containsEntry("clientName", clientName)
                .containsEntry("revisionKind", "dial_back");
        assertThat(alert.link()).isEqualTo("/coach/clients/" + client);
        Row painSpike = awaitEmails(tenant.id(), "PAIN_SPIKE").getFirst();
        assertThat(painSpike.email()).isEqualTo(coachEmail);
        assertThat((String) painSpike.model().get("detail")).startsWith("Pain 6/10");
    }

    @Test
    void propose_mode_changes_nothing_and_asks_the_coach_to_review_the_change() {
        useEngineMode("propose");
        PlanSnapshot plan = planStartingYesterday();

        as(clientUser, Role.CLIENT, () -> checkIns.recordMyCheckIn(new CheckInEntry(null, 3, 6, 4, 2, null, "", null)));

        Row review = awaitEmails(tenant.id(), "ADJUSTMENT_PROPOSED").getFirst();
        var pending = as(ownerUser, Role.COACH, () -> proposals.pending());
        assertThat(pending).singleElement().satisfies(p -> assertThat(p.reason())
                .contains("Next-morning pain 6/10"));
        assertThat(TenantContext.callAs(
                        tenant.id(),
                        () -> plans.plan(plan.plan().id()).orElseThrow().revision()))
                .as("nothing changes before the coach approves")
                .isEqualTo(1);
        assertThat(review.email()).isEqualTo(coachEmail);
        assertThat(review.model())
                .containsEntry("reason", pending.getFirst().reason())
                .containsEntry("clientName", clientName)
                .containsKeys(io.loadwise.notifications.NotificationType.ADJUSTMENT_PROPOSED
                        .required()
                        .toArray(String[]::new));
        // The dashboard shows each pending proposal, with approve and reject, under this anchor.
        assertThat(review.link())
                .isEqualTo("/coach/dashboard#proposal-" + pending.getFirst().id());
    }

    private void useEngineMode(String mode) {
        as(ownerUser, Role.COACH, () -> {
            var current = rules.rules();
            EngineRules d = EngineRules.DEFAULTS;
            return rules.update(
                    new EngineRules(mode, d.painZones(), d.triggers(), d.dialBack(), d.progression(), d.flags()),
                    current.version());
        });
    }

    /** The hamstring test plan (a session every day, easy runs among them), started yesterday. */
    private PlanSnapshot planStartingYesterday() {
        LocalDate yesterday = LocalDate.now(ZoneId.of(tenant.timeZone())).minusDays(1);
        return HamstringTestPlan.activePlan(plans, tenant.id(), client, yesterday);
    }

    private <T> T as(UUID user, Role role, Supplier<T> work) {
        return ActingAs.call(user, tenant.id(), role, work);
    }

    private void member(org.jooq.DSLContext db, UUID id, UUID user, String role, String email, String name) {
        db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.id().value())
                .set(MEMBERS.ID, id)
                .set(MEMBERS.USER_ID, user)
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, email)
                .set(MEMBERS.DISPLAY_NAME, name)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute();
    }
}
