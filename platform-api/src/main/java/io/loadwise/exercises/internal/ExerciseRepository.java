package io.loadwise.exercises.internal;

import static io.loadwise.jooq.Tables.EXERCISES;

import io.loadwise.exercises.Exercise;
import io.loadwise.exercises.ExerciseCategory;
import io.loadwise.exercises.ExerciseDraft;
import io.loadwise.exercises.ExerciseFilter;
import io.loadwise.exercises.ExerciseId;
import io.loadwise.exercises.ExerciseTarget;
import io.loadwise.jooq.tables.records.ExercisesRecord;
import io.loadwise.shared.Codes;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The exercise library. Row level security scopes every statement to the transaction's tenant. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ExerciseRepository {

    private final DSLContext db;
    private final Clock clock;

    ExerciseRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The exercises not archived that match, by name. */
    public List<Exercise> list(ExerciseFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(EXERCISES.ARCHIVED_AT.isNull());
        if (filter.category() != null) {
            conditions.add(EXERCISES.CATEGORY.eq(Codes.of(filter.category())));
        }
        if (filter.target() != null) {
            conditions.add(EXERCISES.TARGET.eq(Codes.of(filter.target())));
        }
        String text = filter.text() == null ? "" : filter.text().strip();
        if (!text.isEmpty()) {
            conditions.add(EXERCISES.NAME.containsIgnoreCase(text).or(EXERCISES.CUES.containsIgnoreCase(text)));
        }
        return db.selectFrom(EXERCISES)
                .where(conditions)
                .orderBy(DSL.lower(EXERCISES.NAME), EXERCISES.ID)
                .fetch(this::toExercise);
    }

    public Optional<Exercise> find(ExerciseId id) {
        return db.selectFrom(EXERCISES).where(EXERCISES.ID.eq(id.value())).fetchOptional(this::toExercise);
    }

    /** Whether an exercise other than {@code except} and not archived has this name, in any case. */
    public boolean nameTaken(String name, @Nullable ExerciseId except) {
        Condition condition = DSL.lower(EXERCISES.NAME)
                .eq(name.toLowerCase(java.util.Locale.ROOT))
                .and(EXERCISES.ARCHIVED_AT.isNull());
        if (except != null) {
            condition = condition.and(EXERCISES.ID.ne(except.value()));
        }
        return db.fetchExists(EXERCISES, condition);
    }

    /** @param valid a draft that passed {@code ExerciseRules} */
    public ExerciseId insert(ExerciseDraft valid, @Nullable String defaultKey, @Nullable UUID createdBy) {
        ExerciseId id = new ExerciseId(Ids.newId(clock));
        OffsetDateTime now = now();
        db.insertInto(EXERCISES)
                .set(EXERCISES.TENANT_ID, TenantContext.require().value())
                .set(EXERCISES.ID, id.value())
                .set(EXERCISES.NAME, valid.name())
                .set(EXERCISES.CATEGORY, Codes.of(Objects.requireNonNull(valid.category())))
                .set(EXERCISES.TARGET, Codes.of(Objects.requireNonNull(valid.target())))
                .set(EXERCISES.DEFAULT_DOSAGE, valid.defaultDosage())
                .set(EXERCISES.CUES, valid.cues() == null ? "" : valid.cues())
                .set(EXERCISES.VIDEO_URL, valid.videoUrl())
                .set(EXERCISES.DEFAULT_KEY, defaultKey)
                .set(EXERCISES.CREATED_BY, createdBy)
                .set(EXERCISES.CREATED_AT, now)
                .set(EXERCISES.UPDATED_AT, now)
                .execute();
        return id;
    }

    /**
     * Adds a platform default unless the business has its copy already (archived or not) or an
     * exercise of its own with the same name; concurrent seeding of one tenant is safe through the
     * unique indexes.
     *
     * @return whether a row was added
     */
    public boolean insertDefault(ExerciseDraft valid, String defaultKey) {
        if (nameTaken(Objects.requireNonNull(valid.name()), null)) {
            return false;
        }
        OffsetDateTime now = now();
        return db.insertInto(EXERCISES)
                        .set(EXERCISES.TENANT_ID, TenantContext.require().value())
                        .set(EXERCISES.ID, Ids.newId(clock))
                        .set(EXERCISES.NAME, valid.name())
                        .set(EXERCISES.CATEGORY, Codes.of(Objects.requireNonNull(valid.category())))
                        .set(EXERCISES.TARGET, Codes.of(Objects.requireNonNull(valid.target())))
                        .set(EXERCISES.DEFAULT_DOSAGE, valid.defaultDosage())
                        .set(EXERCISES.CUES, valid.cues() == null ? "" : valid.cues())
                        .set(EXERCISES.DEFAULT_KEY, defaultKey)
                        .set(EXERCISES.CREATED_AT, now)
                        .set(EXERCISES.UPDATED_AT, now)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** The business's copies of platform defaults, archived or not, by default key. */
    public Map<String, ExerciseId> idsByDefaultKey() {
        Map<String, ExerciseId> ids = new HashMap<>();
        db.select(EXERCISES.DEFAULT_KEY, EXERCISES.ID)
                .from(EXERCISES)
                .where(EXERCISES.DEFAULT_KEY.isNotNull())
                .forEach(r -> ids.put(r.value1(), new ExerciseId(r.value2())));
        return ids;
    }

    /** Saves over {@code expectedVersion}; false when the exercise is at another version (nothing written). */
    public boolean update(ExerciseId id, int expectedVersion, ExerciseDraft valid) {
        return db.update(EXERCISES)
                        .set(EXERCISES.NAME, valid.name())
                        .set(EXERCISES.CATEGORY, Codes.of(Objects.requireNonNull(valid.category())))
                        .set(EXERCISES.TARGET, Codes.of(Objects.requireNonNull(valid.target())))
                        .set(EXERCISES.DEFAULT_DOSAGE, valid.defaultDosage())
                        .set(EXERCISES.CUES, valid.cues() == null ? "" : valid.cues())
                        .set(EXERCISES.VIDEO_URL, valid.videoUrl())
                        .set(EXERCISES.VERSION, EXERCISES.VERSION.plus(1))
                        .set(EXERCISES.UPDATED_AT, now())
                        .where(EXERCISES.ID.eq(id.value()))
                        .and(EXERCISES.VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    /** Archives over {@code expectedVersion}; false when at another version or archived already. */
    public boolean archive(ExerciseId id, int expectedVersion) {
        OffsetDateTime now = now();
        return db.update(EXERCISES)
                        .set(EXERCISES.ARCHIVED_AT, now)
                        .set(EXERCISES.VERSION, EXERCISES.VERSION.plus(1))
                        .set(EXERCISES.UPDATED_AT, now)
                        .where(EXERCISES.ID.eq(id.value()))
                        .and(EXERCISES.VERSION.eq(expectedVersion))
                        .and(EXERCISES.ARCHIVED_AT.isNull())
                        .execute()
                == 1;
    }

    private Exercise toExercise(ExercisesRecord r) {
        return new Exercise(
                new ExerciseId(r.getId()),
                r.getName(),
                ExerciseCategory.fromCode(r.getCategory()),
                ExerciseTarget.fromCode(r.getTarget()),
                r.getDefaultDosage(),
                r.getCues(),
                r.getVideoUrl(),
                r.getDefaultKey(),
                r.getArchivedAt() != null,
                r.getVersion(),
                r.getUpdatedAt().toInstant());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
