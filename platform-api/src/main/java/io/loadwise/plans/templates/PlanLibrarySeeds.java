package io.loadwise.plans.templates;

import io.loadwise.exercises.ExerciseId;
import io.loadwise.exercises.ExerciseLibrary;
import io.loadwise.plans.TemplateId;
import io.loadwise.plans.templates.DefaultTemplates.DefaultTemplate;
import io.loadwise.plans.templates.internal.TemplateRepository;
import io.loadwise.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a new coaching business the platform's exercise library and reference templates, as its
 * own copies to change. Called wherever a tenant comes into being; safe to call again (what the
 * business has — even archived — is left alone, see the default-key unique indexes).
 */
@Service
public class PlanLibrarySeeds {

    private final ExerciseLibrary exercises;
    private final TemplateRepository templates;

    PlanLibrarySeeds(ExerciseLibrary exercises, TemplateRepository templates) {
        this.exercises = exercises;
        this.templates = templates;
    }

    /**
     * Copies the defaults into the current tenant, in the caller's transaction (no permission check:
     * it is the platform setting a business up, not a user acting).
     *
     * @return how many templates were added (0 when the business had them all)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int seedDefaults() {
        TenantContext.require();
        Map<String, ExerciseId> exerciseIds = exercises.seedDefaults();
        int added = 0;
        for (DefaultTemplate template : DefaultTemplates.all(exerciseIds)) {
            List<TemplateProblem> problems = TemplateRules.problems(new TemplateDraft(
                    template.name(), template.description(), template.condition(), template.content()));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Default template " + template.key() + " is invalid: " + problems);
            }
            if (templates.insertDefault(
                    template.name(),
                    template.description(),
                    template.condition(),
                    template.content(),
                    template.key())) {
                added++;
            }
        }
        return added;
    }

    /** The business's copy of the onboarding template, which starts 1:1 coaching; none when archived. */
    @Transactional(readOnly = true)
    public Optional<TemplateId> onboardingTemplate() {
        TenantContext.require();
        return templates
                .findByDefaultKey(DefaultTemplates.ONBOARDING_KEY)
                .filter(template -> !template.archived())
                .map(PlanTemplate::id);
    }
}
