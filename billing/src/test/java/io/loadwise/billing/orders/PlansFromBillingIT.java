package io.loadwise.billing.orders;

import static io.loadwise.jooq.Tables.COACH_TASKS;
import static io.loadwise.jooq.Tables.PLAN_TEMPLATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.billing.orders.FakeStripe.Checkout;
import io.loadwise.catalog.OfferKind;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.SampleTemplates;
import io.loadwise.testsupport.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** A custom plan bought: through OrderPaid on Kafka, the coach gets a draft plan and a task. */
class PlansFromBillingIT extends LedgerITSupport {

    @Autowired
    JsonMapper json;

    @Test
    void aPaidCustomPlanGivesTheCoachATaskToBuildIt() throws InterruptedException {
        TenantId tenant = TestTenants.create("Stride Physio").id();
        UUID offer = LedgerTestData.offer(tenant, OfferKind.CUSTOM_PLAN, 19900, "USD", null);
        UUID client = LedgerTestData.client(tenant, UUID.randomUUID(), "kim@example.com", "Kim Runner");
        TestTenants.seed(tenant, db -> db.insertInto(PLAN_TEMPLATES)
                .set(PLAN_TEMPLATES.TENANT_ID, tenant.value())
                .set(PLAN_TEMPLATES.ID, UUID.randomUUID())
                .set(PLAN_TEMPLATES.NAME, "Onboarding")
                .set(PLAN_TEMPLATES.CONDITION, "onboarding")
                .set(PLAN_TEMPLATES.CONTENT, JSONB.valueOf(json.writeValueAsString(SampleTemplates.hamstring())))
                .set(PLAN_TEMPLATES.CREATED_AT, OffsetDateTime.now())
                .set(PLAN_TEMPLATES.UPDATED_AT, OffsetDateTime.now())
                .execute());
        UUID pending = LedgerTestData.pendingOrder(tenant, offer, OfferKind.CUSTOM_PLAN, "USD");
        Checkout checkout =
                stripe.paidCheckout(tenant, offer, pending, client, "kim@example.com", "Kim", 19900, "usd", 995);
        LedgerTestData.linkSession(tenant, pending, checkout.sessionId());

        deliver(tenant, "acct_plans", "checkout.session.completed", checkout.sessionId());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int tasks = 0;
        while (tasks == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            tasks = count(tenant, db -> db.fetchCount(COACH_TASKS, COACH_TASKS.SOURCE_REF.eq(pending.toString())));
        }
        assertThat(tasks).as("build-the-plan tasks for the order").isEqualTo(1);
        String title = read(tenant, db -> db.select(COACH_TASKS.TITLE)
                .from(COACH_TASKS)
                .where(COACH_TASKS.SOURCE_REF.eq(pending.toString()))
                .fetchSingle(COACH_TASKS.TITLE));
        assertThat(title).contains("Kim Runner");
    }
}
