package io.loadwise.plans.templates.internal;

import static io.loadwise.jooq.Tables.PLAN_TEMPLATES;

import io.loadwise.jooq.tables.records.PlanTemplatesRecord;
import io.loadwise.plans.TemplateCondition;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateId;
import io.loadwise.plans.templates.PlanTemplate;
import io.loadwise.shared.Codes;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Plan templates. Row level security scopes every statement to the transaction's tenant. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class TemplateRepository {

    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;

    TemplateRepository(DSLContext db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param defaultKey the key of the platform default it is a copy of; null for a coach's own
     */
    public TemplateId insert(
            String name,
            String description,
            TemplateCondition condition,
            TemplateContent content,
            @Nullable String defaultKey,
            @Nullable UUID createdBy) {
        TemplateId id = new TemplateId(Ids.newId(clock));
        OffsetDateTime now = now();
        db.insertInto(PLAN_TEMPLATES)
                .set(PLAN_TEMPLATES.TENANT_ID, TenantContext.require().value())
                .set(PLAN_TEMPLATES.ID, id.value())
                .set(PLAN_TEMPLATES.NAME, name)
                .set(PLAN_TEMPLATES.DESCRIPTION, description)
                .set(PLAN_TEMPLATES.CONDITION, Codes.of(condition))
                .set(PLAN_TEMPLATES.CONTENT, JSONB.valueOf(json.writeValueAsString(content)))
                .set(PLAN_TEMPLATES.DEFAULT_KEY, defaultKey)
                .set(PLAN_TEMPLATES.CREATED_BY, createdBy)
                .set(PLAN_TEMPLATES.CREATED_AT, now)
                .set(PLAN_TEMPLATES.UPDATED_AT, now)
                .execute();
        return id;
    }

    public Optional<PlanTemplate> find(TemplateId id) {
        return db.selectFrom(PLAN_TEMPLATES)
                .where(PLAN_TEMPLATES.ID.eq(id.value()))
                .fetchOptional(this::toTemplate);
    }

    /** The templates not archived, by name. */
    public List<PlanTemplate> list() {
        return db.selectFrom(PLAN_TEMPLATES)
                .where(PLAN_TEMPLATES.ARCHIVED_AT.isNull())
                .orderBy(PLAN_TEMPLATES.NAME, PLAN_TEMPLATES.ID)
                .fetch(this::toTemplate);
    }

    /**
     * Saves new content over {@code expectedVersion}; false when the template is at another version
     * (nothing written).
     */
    public boolean update(
            TemplateId id,
            int expectedVersion,
            String name,
            String description,
            TemplateCondition condition,
            TemplateContent content) {
        return db.update(PLAN_TEMPLATES)
                        .set(PLAN_TEMPLATES.NAME, name)
                        .set(PLAN_TEMPLATES.DESCRIPTION, description)
                        .set(PLAN_TEMPLATES.CONDITION, Codes.of(condition))
                        .set(PLAN_TEMPLATES.CONTENT, JSONB.valueOf(json.writeValueAsString(content)))
                        .set(PLAN_TEMPLATES.VERSION, PLAN_TEMPLATES.VERSION.plus(1))
                        .set(PLAN_TEMPLATES.UPDATED_AT, now())
                        .where(PLAN_TEMPLATES.ID.eq(id.value()))
                        .and(PLAN_TEMPLATES.VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    /** Whether a template other than {@code except} and not archived has this name, in any case. */
    public boolean nameTaken(String name, @Nullable TemplateId except) {
        var condition = DSL.lower(PLAN_TEMPLATES.NAME)
                .eq(name.toLowerCase(Locale.ROOT))
                .and(PLAN_TEMPLATES.ARCHIVED_AT.isNull());
        if (except != null) {
            condition = condition.and(PLAN_TEMPLATES.ID.ne(except.value()));
        }
        return db.fetchExists(PLAN_TEMPLATES, condition);
    }

    /** Archives over {@code expectedVersion}; false when at another version or archived already. */
    public boolean archive(TemplateId id, int expectedVersion) {
        OffsetDateTime now = now();
        return db.update(PLAN_TEMPLATES)
                        .set(PLAN_TEMPLATES.ARCHIVED_AT, now)
                        .set(PLAN_TEMPLATES.VERSION, PLAN_TEMPLATES.VERSION.plus(1))
                        .set(PLAN_TEMPLATES.UPDATED_AT, now)
                        .where(PLAN_TEMPLATES.ID.eq(id.value()))
                        .and(PLAN_TEMPLATES.VERSION.eq(expectedVersion))
                        .and(PLAN_TEMPLATES.ARCHIVED_AT.isNull())
                        .execute()
                == 1;
    }

    /**
     * Adds a copy of a platform default unless the business has it already (archived or not) or a
     * template of its own with that name; concurrent seeding is safe through the unique indexes.
     *
     * @return whether a row was added
     */
    public boolean insertDefault(
            String name, String description, TemplateCondition condition, TemplateContent content, String defaultKey) {
        if (nameTaken(name, null)) {
            return false;
        }
        OffsetDateTime now = now();
        return db.insertInto(PLAN_TEMPLATES)
                        .set(PLAN_TEMPLATES.TENANT_ID, TenantContext.require().value())
                        .set(PLAN_TEMPLATES.ID, Ids.newId(clock))
                        .set(PLAN_TEMPLATES.NAME, name)
                        .set(PLAN_TEMPLATES.DESCRIPTION, description)
                        .set(PLAN_TEMPLATES.CONDITION, Codes.of(condition))
                        .set(PLAN_TEMPLATES.CONTENT, JSONB.valueOf(json.writeValueAsString(content)))
                        .set(PLAN_TEMPLATES.DEFAULT_KEY, defaultKey)
                        .set(PLAN_TEMPLATES.CREATED_AT, now)
                        .set(PLAN_TEMPLATES.UPDATED_AT, now)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** The business's copy of a platform default template, archived or not. */
    public Optional<PlanTemplate> findByDefaultKey(String defaultKey) {
        return db.selectFrom(PLAN_TEMPLATES)
                .where(PLAN_TEMPLATES.DEFAULT_KEY.eq(defaultKey))
                .fetchOptional(this::toTemplate);
    }

    private PlanTemplate toTemplate(PlanTemplatesRecord r) {
        return new PlanTemplate(
                new TemplateId(r.getId()),
                r.getName(),
                r.getDescription(),
                TemplateCondition.fromCode(r.getCondition()),
                json.readValue(r.getContent().data(), TemplateContent.class),
                r.getArchivedAt() != null,
                r.getVersion(),
                r.getUpdatedAt().toInstant());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
