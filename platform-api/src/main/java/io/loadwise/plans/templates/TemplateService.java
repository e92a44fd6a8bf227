package io.loadwise.plans.templates;

import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateId;
import io.loadwise.plans.templates.internal.TemplateRepository;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan templates of a business and the template builder's saves. Coaches (owners and staff)
 * only; a template is validated as a whole ({@link TemplateRules}) on every save, and a save based
 * on an old version is refused so no coach overwrites another's work.
 */
@Service
public class TemplateService {

    static final String COACHES_ONLY = "hasRole('COACH') and !hasRole('PLATFORM_ADMIN')";

    private final TemplateRepository templates;

    TemplateService(TemplateRepository templates) {
        this.templates = templates;
    }

    /** The templates not archived, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize(COACHES_ONLY)
    public List<PlanTemplate> list() {
        TenantContext.require();
        return templates.list();
    }

    /**
     * A template, archived or not.
     *
     * @throws NotFoundException when there is no such template in the caller's business
     */
    @Transactional(readOnly = true)
    @PreAuthorize(COACHES_ONLY)
    public PlanTemplate get(TemplateId id) {
        TenantContext.require();
        return find(id);
    }

    /**
     * @throws InvalidTemplateException listing every problem of the document
     */
    @Transactional
    @PreAuthorize(COACHES_ONLY)
    public PlanTemplate create(TemplateDraft draft) {
        TenantContext.require();
        TemplateDraft valid = validated(draft, null);
        try {
            TemplateId id = templates.insert(
                    Objects.requireNonNull(valid.name()),
                    Objects.requireNonNull(valid.description()),
                    Objects.requireNonNull(valid.condition()),
                    Objects.requireNonNull(valid.content()),
                    null,
                    currentUserId());
            return find(id);
        } catch (DuplicateKeyException e) {
            throw nameTaken(Objects.requireNonNull(valid.name()));
        }
    }

    /**
     * Saves the builder's document over the version the coach started from.
     *
     * @throws InvalidTemplateException listing every problem (nothing is saved)
     * @throws StaleVersionException when someone else saved in the meantime (nothing is saved)
     */
    @Transactional
    @PreAuthorize(COACHES_ONLY)
    public PlanTemplate update(TemplateId id, int expectedVersion, TemplateDraft draft) {
        TenantContext.require();
        PlanTemplate current = find(id);
        if (current.version() != expectedVersion) {
            throw new StaleVersionException("template", expectedVersion, current.version());
        }
        TemplateDraft valid = validated(draft, id);
        boolean saved;
        try {
            saved = templates.update(
                    id,
                    expectedVersion,
                    Objects.requireNonNull(valid.name()),
                    Objects.requireNonNull(valid.description()),
                    Objects.requireNonNull(valid.condition()),
                    Objects.requireNonNull(valid.content()));
        } catch (DuplicateKeyException e) {
            throw nameTaken(Objects.requireNonNull(valid.name()));
        }
        if (!saved) {
            throw new StaleVersionException("template", expectedVersion, find(id).version());
        }
        return find(id);
    }

    /** A new template with the same phases, named "… (copy)" (or "(copy 2)", … when taken). */
    @Transactional
    @PreAuthorize(COACHES_ONLY)
    public PlanTemplate duplicate(TemplateId id) {
        TenantContext.require();
        PlanTemplate original = find(id);
        String name = copyName(original.name());
        try {
            TemplateId copy = templates.insert(
                    name, original.description(), original.condition(), original.content(), null, currentUserId());
            return find(copy);
        } catch (DuplicateKeyException e) {
            // A colleague made a copy with the same name at the same moment.
            throw nameTaken(name);
        }
    }

    /**
     * Takes a template out of the list; plans made from it keep their own copy and go on.
     *
     * @throws StaleVersionException when someone else saved in the meantime
     */
    @Transactional
    @PreAuthorize(COACHES_ONLY)
    public PlanTemplate archive(TemplateId id, int expectedVersion) {
        TenantContext.require();
        PlanTemplate current = find(id);
        if (current.archived()) {
            return current;
        }
        if (!templates.archive(id, expectedVersion)) {
            throw new StaleVersionException("template", expectedVersion, current.version());
        }
        return find(id);
    }

    /** The calendar a client would get from the saved template, starting on {@code start}. */
    @Transactional(readOnly = true)
    @PreAuthorize(COACHES_ONLY)
    public TemplatePreview preview(TemplateId id, LocalDate start) {
        TenantContext.require();
        return TemplatePreview.of(find(id).content(), start);
    }

    /**
     * The calendar of a document being edited, before it is saved. Checks the progression first, so
     * a cyclic or broken document gets its problems rather than a partial calendar.
     *
     * @throws InvalidTemplateException when the phases can't be followed
     */
    @PreAuthorize(COACHES_ONLY)
    public TemplatePreview preview(TemplateContent content, LocalDate start) {
        List<TemplateProblem> problems = TemplateRules.contentProblems(content);
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException(problems);
        }
        return TemplatePreview.of(content, start);
    }

    private TemplateDraft validated(TemplateDraft draft, @Nullable TemplateId self) {
        List<TemplateProblem> problems = new ArrayList<>(TemplateRules.problems(draft));
        String name = draft.name() == null ? "" : draft.name().strip();
        if (!name.isEmpty() && templates.nameTaken(name, self)) {
            problems.add(0, nameTaken(name).problems().getFirst());
        }
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException(problems);
        }
        return TemplateRules.validated(draft);
    }

    private static InvalidTemplateException nameTaken(String name) {
        return new InvalidTemplateException(List.of(TemplateProblem.ofTemplate(
                "Another template is called '" + name + "'. Choose another name, or archive that one.")));
    }

    private String copyName(String name) {
        String base =
                name.length() > TemplateRules.MAX_NAME - 12 ? name.substring(0, TemplateRules.MAX_NAME - 12) : name;
        String candidate = base + " (copy)";
        for (int n = 2; templates.nameTaken(candidate, null); n++) {
            candidate = base + " (copy " + n + ")";
        }
        return candidate;
    }

    private PlanTemplate find(TemplateId id) {
        return templates.find(id).orElseThrow(() -> new NotFoundException("template", id));
    }

    private static @Nullable UUID currentUserId() {
        return CurrentUsers.current().map(CurrentUser::userId).orElse(null);
    }
}
