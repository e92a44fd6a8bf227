package io.loadwise.plans.web;

import io.loadwise.plans.ClientHasPlanException;
import io.loadwise.plans.PlanOverview;
import io.loadwise.plans.PlanService;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.plans.SessionSpec;
import io.loadwise.plans.TemplateId;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.NotFoundException;
import io.loadwise.web.Etags;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Client plans: coaches assign and edit (every change sends the plan revision it was based on in
 * If-Match: 428 without, 412 — naming who changed it — when stale); clients read today and the week.
 */
@RestController
class PlansController {

    private static final String PLAN = "/api/v1/clients/{id}/plan";

    private final PlanService plans;

    PlansController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping(PLAN)
    @Operation(
            summary = "A client's current (active or paused) plan; else their newest draft",
            description = "Sessions by plan week with phase names, and the revision history with reasons. The"
                    + " ETag is the plan's revision; send it in If-Match with every change.")
    ResponseEntity<PlanJson.Plan> current(@PathVariable UUID id) {
        return withEtag(plans.currentPlan(new ClientId(id))
                .orElseThrow(() -> new NotFoundException("plan", "current of client " + id)));
    }

    @PostMapping(PLAN)
    @Operation(
            summary = "Assign a plan template to a client from a start date",
            description = "The start date lies within 28 days back and 365 days ahead (the business's time zone)."
                    + " 409 when the client already has an active or paused plan: end it first.")
    ResponseEntity<PlanJson.Plan> assign(@PathVariable UUID id, @RequestBody Assignment body) {
        if (body.templateId() == null || body.startDate() == null) {
            throw new IllegalArgumentException("An assignment needs a 'templateId' and a 'startDate'.");
        }
        PlanOverview plan =
                plans.assign(new ClientId(id), new TemplateId(body.templateId()), body.startDate(), body.name());
        return ResponseEntity.status(HttpStatus.CREATED)
                .eTag(Etags.of(plan.plan().revision()))
                .body(PlanJson.Plan.of(plan));
    }

    @PostMapping(PLAN + "/sessions")
    @Operation(summary = "Add a session on a date within the plan (If-Match: the plan revision)")
    ResponseEntity<PlanJson.Plan> addSession(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody NewSession body) {
        int revision = Etags.requireVersion(ifMatch);
        if (body.date() == null || body.spec() == null) {
            throw new IllegalArgumentException("A new session needs a 'date' and a 'spec'.");
        }
        return withEtag(plans.addSession(new ClientId(id), revision, body.date(), body.spec(), body.reason()));
    }

    @PatchMapping(PLAN + "/sessions/{sessionId}")
    @Operation(
            summary = "Change a session's prescription, or move it to another date",
            description = "Send 'spec' to change what it prescribes, or 'date' to move it (not both); 'reason' is"
                    + " shown to the client. If-Match: the plan revision.")
    ResponseEntity<PlanJson.Plan> changeSession(
            @PathVariable UUID id,
            @PathVariable UUID sessionId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody SessionEdit body) {
        int revision = Etags.requireVersion(ifMatch);
        ClientId client = new ClientId(id);
        PlanSessionId session = new PlanSessionId(sessionId);
        if ((body.spec() == null) == (body.date() == null)) {
            throw new IllegalArgumentException("Send either a new 'spec' or a new 'date' for the session.");
        }
        return withEtag(
                body.spec() != null
                        ? plans.editSession(client, session, revision, body.spec(), body.reason())
                        : plans.moveSession(client, session, revision, body.date(), body.reason()));
    }

    @DeleteMapping(PLAN + "/sessions/{sessionId}")
    @Operation(summary = "Cancel a session (kept in the plan as cancelled, with the reason)")
    ResponseEntity<PlanJson.Plan> cancelSession(
            @PathVariable UUID id,
            @PathVariable UUID sessionId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Parameter(description = "why, shown to the client") @RequestParam(required = false) @Nullable
                    String reason) {
        int revision = Etags.requireVersion(ifMatch);
        return withEtag(plans.cancelSession(new ClientId(id), new PlanSessionId(sessionId), revision, reason));
    }

    @PostMapping(PLAN + "/pause")
    @Operation(summary = "Pause the client's active plan (If-Match: the plan revision)")
    ResponseEntity<PlanJson.Plan> pause(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        int revision = Etags.requireVersion(ifMatch);
        return withEtag(plans.pause(new ClientId(id), revision, body == null ? null : body.reason()));
    }

    @PostMapping(PLAN + "/resume")
    @Operation(summary = "Resume the client's paused plan (If-Match: the plan revision)")
    ResponseEntity<PlanJson.Plan> resume(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        int revision = Etags.requireVersion(ifMatch);
        return withEtag(plans.resume(new ClientId(id), revision, body == null ? null : body.reason()));
    }

    @PostMapping(PLAN + "/activate")
    @Operation(
            summary = "Start a draft plan (a custom plan the coach built) as the client's active plan",
            description = "409 when the client already follows another plan. If-Match: the plan revision.")
    ResponseEntity<PlanJson.Plan> activate(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        int revision = Etags.requireVersion(ifMatch);
        return withEtag(plans.activate(new ClientId(id), revision, body == null ? null : body.reason()));
    }

    @PostMapping(PLAN + "/end")
    @Operation(summary = "End the client's current plan, so that another can be assigned (If-Match)")
    ResponseEntity<PlanJson.Plan> end(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable Reason body) {
        int revision = Etags.requireVersion(ifMatch);
        return withEtag(plans.endPlan(new ClientId(id), revision, body == null ? null : body.reason()));
    }

    @PutMapping(PLAN + "/baseline")
    @Operation(
            summary = "Set the client's baseline next-morning pain (0-10; null: derived from check-ins)",
            description = "The plan engine dials back when a morning's pain is above it.")
    ResponseEntity<PlanJson.Plan> baseline(@PathVariable UUID id, @RequestBody Baseline body) {
        return withEtag(plans.setBaseline(new ClientId(id), body.baselineMorningPain()));
    }

    @GetMapping("/api/v1/clients/{id}/plans")
    @Operation(summary = "Every plan the client has had, newest first")
    List<PlanJson.Summary> history(@PathVariable UUID id) {
        return plans.history(new ClientId(id)).stream()
                .map(PlanJson.Summary::of)
                .toList();
    }

    @GetMapping("/api/v1/me/plan")
    @Operation(summary = "The signed-in client's current plan, with the reasons for every change")
    ResponseEntity<PlanJson.Plan> myPlan() {
        return withEtag(plans.myPlan().orElseThrow(() -> new NotFoundException("plan", "current of yours")));
    }

    @GetMapping("/api/v1/me/plan/today")
    @Operation(summary = "The signed-in client's sessions today (the business's time zone), with why any changed")
    PlanJson.Days today() {
        return PlanJson.Days.of(plans.myToday().orElseThrow(() -> new NotFoundException("plan", "current of yours")));
    }

    @GetMapping("/api/v1/me/plan/week")
    @Operation(summary = "The signed-in client's sessions in the Monday-to-Sunday week containing a date")
    PlanJson.Days week(
            @Parameter(description = "a date of the week (ISO, e.g. 2026-03-02); default: today")
                    @RequestParam(required = false)
                    @Nullable
                    LocalDate date) {
        return PlanJson.Days.of(
                plans.myWeek(date).orElseThrow(() -> new NotFoundException("plan", "current of yours")));
    }

    @ExceptionHandler(ClientHasPlanException.class)
    ProblemDetail hasPlan(ClientHasPlanException e) {
        return Problems.of(HttpStatus.CONFLICT, "Client already has a plan", e.getMessage(), "client-has-plan");
    }

    private static ResponseEntity<PlanJson.Plan> withEtag(PlanOverview plan) {
        return ResponseEntity.ok().eTag(Etags.of(plan.plan().revision())).body(PlanJson.Plan.of(plan));
    }

    record Assignment(
            @Nullable UUID templateId,
            @Nullable LocalDate startDate,
            @Nullable String name) {}

    record NewSession(
            @Nullable LocalDate date,
            @Nullable SessionSpec spec,
            @Nullable String reason) {}

    record SessionEdit(
            @Nullable SessionSpec spec,
            @Nullable LocalDate date,
            @Nullable String reason) {}

    record Reason(@Nullable String reason) {}

    record Baseline(@Nullable Integer baselineMorningPain) {}
}
