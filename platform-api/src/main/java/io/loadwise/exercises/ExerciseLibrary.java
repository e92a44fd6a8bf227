package io.loadwise.exercises;

import io.loadwise.exercises.DefaultExercises.DefaultExercise;
import io.loadwise.exercises.internal.ExerciseRepository;
import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exercise library's application service. Coaches (owners and staff) read and edit it; clients
 * and platform admins may not — admins see businesses, not their coaching material.
 */
@Service
public class ExerciseLibrary {

    /** Who may use the library: a coach of the business, never a platform admin. */
    public static final String COACHES_ONLY = "hasRole('COACH') and !hasRole('PLATFORM_ADMIN')";

    private final ExerciseRepository exercises;

    ExerciseLibrary(ExerciseRepository exercises) {
        this.exercises = exercises;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(COACHES_ONLY)
    public List<Exercise> list(ExerciseFilter filter) {
        TenantContext.require();
        return exercises.list(filter);
    }

    /**
     * An exercise, archived or not (a template may still name an archived one).
     *
     * @throws NotFoundException when there is no such exercise in the caller's business
     */
    @Transactional(readOnly = true)
    @PreAuthorize(COACHES_ONLY)
    public Exercise get(ExerciseId id) {
        TenantContext.require();
        return find(id);
    }

    /**
     * @throws InvalidExerciseException naming each field that can't be saved
     * @throws ExerciseNameTakenException when another exercise of the library has the name
     */
    @Transactional
    @PreAuthorize(COACHES_ONLY)
    public Exercise create(ExerciseDraft draft) {
        TenantContext.require();
        ExerciseDraft valid = ExerciseRules.validated(draft);
        if (exercises.nameTaken(valid.name(), null)) {
            throw new ExerciseNameTakenException(valid.name());
        }
        try {
            ExerciseId id = exercises.insert(
                    valid, null, CurrentUsers.current().map(CurrentUser::userId).orElse(null));
            return find(id);
        } catch (DuplicateKeyException e) {
            // Another coach saved the same name between our check and our insert.
            throw new ExerciseNameTakenException(valid.name());
        }
    }

    /**
     * @param expectedVersion the version the coach edited ({@link Exercise#version()})
     * @throws StaleVersionException when someone else saved in the meantime (nothing is changed)
     */
    @Transactional
    @PreAuthorize(COACHES_ONLY)
    public Exercise update(ExerciseId id, int expectedVersion, ExerciseDraft draft) {
        TenantContext.require();
        Exercise current = find(id);
        ExerciseDraft valid = ExerciseRules.validated(draft);
        if (exercises.nameTaken(valid.name(), id)) {
            throw new ExerciseNameTakenException(valid.name());
        }
        try {
            if (!exercises.update(id, expectedVersion, valid)) {
                throw new StaleVersionException("exercise", expectedVersion, current.version());
            }
        } catch (DuplicateKeyException e) {
            throw new ExerciseNameTakenException(valid.name());
        }
        return find(id);
    }

    /**
     * Takes an exercise out of the library; templates and plans that use it keep its name and dose.
     *
     * @throws StaleVersionException when someone else saved in the meantime
     */
    @Transactional
    @PreAuthorize(COACHES_ONLY)
    public Exercise archive(ExerciseId id, int expectedVersion) {
        TenantContext.require();
        Exercise current = find(id);
        if (current.archived()) {
            return current;
        }
        if (!exercises.archive(id, expectedVersion)) {
            throw new StaleVersionException("exercise", expectedVersion, current.version());
        }
        return find(id);
    }

    /**
     * Copies the platform's default exercises into the current tenant's library. Idempotent: a
     * default the business has (even archived) or whose name it uses already is left alone. No
     * permission check: it runs where a tenant comes into being, inside the caller's transaction.
     *
     * @return the business's exercise ids by default key, for templates that reference them
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, ExerciseId> seedDefaults() {
        TenantContext.require();
        for (DefaultExercise exercise : DefaultExercises.ALL) {
            exercises.insertDefault(
                    new ExerciseDraft(
                            exercise.name(),
                            exercise.category(),
                            exercise.target(),
                            exercise.dosage(),
                            exercise.cues(),
                            null),
                    exercise.key());
        }
        return exercises.idsByDefaultKey();
    }

    private Exercise find(ExerciseId id) {
        return exercises.find(id).orElseThrow(() -> new NotFoundException("exercise", id));
    }
}
