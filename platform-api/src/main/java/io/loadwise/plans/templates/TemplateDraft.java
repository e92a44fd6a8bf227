package io.loadwise.plans.templates;

import io.loadwise.plans.TemplateCondition;
import io.loadwise.plans.TemplateContent;
import org.jspecify.annotations.Nullable;

/** A template as the builder saves it, before validation ({@link TemplateRules}). */
public record TemplateDraft(
        @Nullable String name,
        @Nullable String description,
        @Nullable TemplateCondition condition,
        @Nullable TemplateContent content) {

    public static TemplateDraft of(PlanTemplate template) {
        return new TemplateDraft(template.name(), template.description(), template.condition(), template.content());
    }
}
