package io.loadwise.plans;

import io.loadwise.plans.templates.internal.TemplateRepository;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.SampleTemplates;
import org.springframework.transaction.support.TransactionTemplate;

/** Templates for the plan tests, written straight to the repository (the template service has its own tests). */
final class TemplateRows {

    private TemplateRows() {}

    static TemplateId insert(
            TenantId tenant,
            TemplateRepository templates,
            TransactionTemplate transactions,
            String name,
            TemplateCondition condition) {
        return TenantContext.callAs(
                tenant,
                () -> transactions.execute(status ->
                        templates.insert(name, "Test template", condition, SampleTemplates.hamstring(), null, null)));
    }
}
