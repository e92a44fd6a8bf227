package io.loadwise.plans.templates.web;

import io.loadwise.plans.TemplateCondition;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateId;
import io.loadwise.plans.templates.InvalidTemplateException;
import io.loadwise.plans.templates.PlanTemplate;
import io.loadwise.plans.templates.TemplateDraft;
import io.loadwise.plans.templates.TemplatePreview;
import io.loadwise.plans.templates.TemplateService;
import io.loadwise.web.Etags;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Plan templates", description = "Phases, weeks and sessions a coach assigns to clients as dated plans")
class TemplatesController {

    private final TemplateService templates;

    TemplatesController(TemplateService templates) {
        this.templates = templates;
    }

    @GetMapping("/api/v1/plan-templates")
    @Operation(summary = "The templates of the caller's business (not archived), by name; coaches only")
    List<TemplateSummaryJson> list() {
        return templates.list().stream().map(TemplateSummaryJson::of).toList();
    }

    @GetMapping("/api/v1/plan-templates/{id}")
    @Operation(summary = "A template with its phases, weeks and sessions; the ETag is the version for If-Match")
    ResponseEntity<TemplateJson> get(@PathVariable UUID id) {
        PlanTemplate template = templates.get(new TemplateId(id));
        return ResponseEntity.ok().eTag(Etags.of(template.version())).body(TemplateJson.of(template));
    }

    @PostMapping("/api/v1/plan-templates")
    @Operation(
            summary = "Create a template",
            description = "name, description, condition (hamstring, achilles, patellar, general, onboarding) and"
                    + " content (phases → weeks → sessions by day; sessions have a kind of run, strength,"
                    + " cross_training or recovery). 400 lists every problem with where it is.")
    ResponseEntity<TemplateJson> create(@RequestBody TemplateRequest request) {
        PlanTemplate created = templates.create(request.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/plan-templates/" + created.id()))
                .eTag(Etags.of(created.version()))
                .body(TemplateJson.of(created));
    }

    @PutMapping("/api/v1/plan-templates/{id}")
    @Operation(
            summary = "Save a template as a whole",
            description = "Needs If-Match with the ETag read: 428 without it, 412 when someone else saved in the"
                    + " meantime (nothing is overwritten), 400 listing every problem with where it is.")
    ResponseEntity<TemplateJson> update(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody TemplateRequest request) {
        int expected = Etags.requireVersion(ifMatch);
        PlanTemplate saved = templates.update(new TemplateId(id), expected, request.toDraft());
        return ResponseEntity.ok().eTag(Etags.of(saved.version())).body(TemplateJson.of(saved));
    }

    @PostMapping("/api/v1/plan-templates/{id}/duplicate")
    @Operation(summary = "Copy a template under the name \"… (copy)\", to change without touching the original")
    ResponseEntity<TemplateJson> duplicate(@PathVariable UUID id) {
        PlanTemplate copy = templates.duplicate(new TemplateId(id));
        return ResponseEntity.created(URI.create("/api/v1/plan-templates/" + copy.id()))
                .eTag(Etags.of(copy.version()))
                .body(TemplateJson.of(copy));
    }

    @PostMapping("/api/v1/plan-templates/{id}/archive")
    @Operation(
            summary = "Archive a template",
            description = "It leaves the list; plans made from it keep their own copy. Needs If-Match.")
    ResponseEntity<TemplateJson> archive(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        int expected = Etags.requireVersion(ifMatch);
        PlanTemplate archived = templates.archive(new TemplateId(id), expected);
        return ResponseEntity.ok().eTag(Etags.of(archived.version())).body(TemplateJson.of(archived));
    }

    @GetMapping("/api/v1/plan-templates/{id}/preview")
    @Operation(
            summary = "The calendar a client would get from a template",
            description = "start is the plan's first day (YYYY-MM-DD): week n is the seven days from start + 7(n-1),"
                    + " with the sessions of each day.")
    TemplatePreview preview(@PathVariable UUID id, @RequestParam String start) {
        LocalDate first;
        try {
            first = LocalDate.parse(start);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("start must be a date as YYYY-MM-DD, not '" + start + "'.", e);
        }
        return templates.preview(new TemplateId(id), first);
    }

    @ExceptionHandler(InvalidTemplateException.class)
    ProblemDetail invalidTemplate(InvalidTemplateException e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "Invalid template",
                e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s") + " to fix: " + e.getMessage(),
                "invalid-template");
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> {
                            Map<String, Object> error = new LinkedHashMap<>();
                            if (p.phase() > 0) {
                                error.put("phase", p.phase());
                            }
                            if (p.week() > 0) {
                                error.put("week", p.week());
                            }
                            if (p.session() > 0) {
                                error.put("session", p.session());
                            }
                            error.put("where", p.where());
                            error.put("message", p.message());
                            return error;
                        })
                        .toList());
        return problem;
    }

    record TemplateRequest(
            @Nullable String name,
            @Nullable String description,
            @Nullable String condition,
            @Nullable TemplateContent content) {

        TemplateDraft toDraft() {
            return new TemplateDraft(
                    name,
                    description,
                    condition == null || condition.isBlank() ? null : TemplateCondition.fromCode(condition),
                    content);
        }
    }

    record TemplateSummaryJson(
            UUID id,
            String name,
            String description,
            String condition,
            int phases,
            int weeks,
            int version,
            Instant updatedAt) {
        static TemplateSummaryJson of(PlanTemplate t) {
            return new TemplateSummaryJson(
                    t.id().value(),
                    t.name(),
                    t.description(),
                    t.condition().code(),
                    t.content().phases().size(),
                    t.content().totalWeeks(),
                    t.version(),
                    t.updatedAt());
        }
    }

    record TemplateJson(
            UUID id,
            String name,
            String description,
            String condition,
            TemplateContent content,
            boolean archived,
            int version,
            Instant updatedAt) {
        static TemplateJson of(PlanTemplate t) {
            return new TemplateJson(
                    t.id().value(),
                    t.name(),
                    t.description(),
                    t.condition().code(),
                    t.content(),
                    t.archived(),
                    t.version(),
                    t.updatedAt());
        }
    }
}
