package io.loadwise.plans.internal;

import static io.loadwise.jooq.Tables.CLIENT_PLANS;

import io.loadwise.plans.PlanId;
import java.time.Clock;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a coach sets on a plan that is not a change of its sessions (so not a revision): the
 * client's baseline next-morning pain the engine compares against.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class PlanSettingsRepository {

    private final org.jooq.DSLContext db;
    private final Clock clock;

    PlanSettingsRepository(org.jooq.DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void setBaseline(PlanId plan, @Nullable Integer baselineMorningPain) {
        db.update(CLIENT_PLANS)
                .set(
                        CLIENT_PLANS.BASELINE_MORNING_PAIN,
                        baselineMorningPain == null ? null : baselineMorningPain.shortValue())
                .set(CLIENT_PLANS.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .where(CLIENT_PLANS.ID.eq(plan.value()))
                .execute();
    }
}
