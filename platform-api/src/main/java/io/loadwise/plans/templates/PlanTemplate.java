package io.loadwise.plans.templates;

import io.loadwise.plans.TemplateCondition;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateId;
import java.time.Instant;

/**
 * A plan template of a business.
 *
 * @param version the ETag of the template builder's saves
 */
public record PlanTemplate(
        TemplateId id,
        String name,
        String description,
        TemplateCondition condition,
        TemplateContent content,
        boolean archived,
        int version,
        Instant updatedAt) {}
