package io.loadwise.planengine.internal;

import static io.loadwise.jooq.Tables.PLAN_RULES;

import io.loadwise.planengine.EngineRules;
import io.loadwise.tenancy.TenantContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The business's rules document (one row per tenant; none: the platform defaults). */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class PlanRulesRepository {

    public record StoredRules(EngineRules rules, int version) {}

    private final DSLContext db;
    private final JsonMapper json;

    PlanRulesRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Optional<StoredRules> find() {
        return db.selectFrom(PLAN_RULES)
                .fetchOptional(
                        r -> new StoredRules(json.readValue(r.getRules().data(), EngineRules.class), r.getVersion()));
    }

    /** Saves when the stored version is {@code expectedVersion} (0: none yet); empty when it is not. */
    public Optional<Integer> save(EngineRules rules, int expectedVersion, @Nullable UUID by, Instant at) {
        JSONB document = JSONB.valueOf(json.writeValueAsString(rules));
        OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
        if (expectedVersion == 0) {
            int inserted = db.insertInto(PLAN_RULES)
                    .set(PLAN_RULES.TENANT_ID, TenantContext.require().value())
                    .set(PLAN_RULES.MODE, rules.mode())
                    .set(PLAN_RULES.RULES, document)
                    .set(PLAN_RULES.UPDATED_BY, by)
                    .set(PLAN_RULES.UPDATED_AT, now)
                    .set(PLAN_RULES.VERSION, 1)
                    .onConflictDoNothing()
                    .execute();
            return inserted == 1 ? Optional.of(1) : Optional.empty();
        }
        return db.update(PLAN_RULES)
                .set(PLAN_RULES.MODE, rules.mode())
                .set(PLAN_RULES.RULES, document)
                .set(PLAN_RULES.UPDATED_BY, by)
                .set(PLAN_RULES.UPDATED_AT, now)
                .set(PLAN_RULES.VERSION, PLAN_RULES.VERSION.plus(1))
                .where(PLAN_RULES.VERSION.eq(expectedVersion))
                .returning(PLAN_RULES.VERSION)
                .fetchOptional(PLAN_RULES.VERSION);
    }
}
