package io.loadwise.planengine.web;

import io.loadwise.planengine.AdjustmentProposal;
import io.loadwise.planengine.AttentionItem;
import io.loadwise.planengine.DashboardService;
import io.loadwise.planengine.EngineRules;
import io.loadwise.planengine.InvalidRulesException;
import io.loadwise.planengine.PlanRulesService;
import io.loadwise.planengine.ProposalOutdatedException;
import io.loadwise.planengine.ProposalService;
import io.loadwise.planengine.RulesDocument;
import io.loadwise.plans.PlanRevision;
import io.loadwise.plans.SessionChange;
import io.loadwise.roster.ClientFlag;
import io.loadwise.web.Etags;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
class PlanEngineController {

    private final PlanRulesService rules;
    private final ProposalService proposals;
    private final DashboardService dashboard;

    PlanEngineController(PlanRulesService rules, ProposalService proposals, DashboardService dashboard) {
        this.rules = rules;
        this.proposals = proposals;
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/dashboard")
    @Operation(
            summary = "The caller's clients who need attention, most urgent first",
            description = "Flags (pain spike 3, missed sessions 2, no check-in 1), pending proposals and open coach"
                    + " tasks per client; sorted by severity, then by how long it has been waiting. The owner sees"
                    + " every client, a coach the clients they lead or co-coach.")
    List<AttentionJson> dashboard() {
        return dashboard.attention().stream().map(AttentionJson::of).toList();
    }

    @GetMapping("/api/v1/plan-rules")
    @Operation(
            summary = "The plan engine's rules of the business",
            description = "The platform defaults (pain-monitoring model, propose mode) until the owner saves rules."
                    + " The ETag is the version to send back in If-Match.")
    ResponseEntity<RulesJson> rules() {
        RulesDocument document = rules.rules();
        return ResponseEntity.ok().eTag(Etags.of(document.version())).body(RulesJson.of(document));
    }

    @PutMapping("/api/v1/plan-rules")
    @Operation(
            summary = "Replace the plan engine's rules (owner only)",
            description = "Validated on save: 400 lists each problem with its field path. Needs If-Match: 428"
                    + " without it, 412 when someone else saved in the meantime.")
    ResponseEntity<RulesJson> saveRules(
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody EngineRules body) {
        int expected = Etags.requireVersion(ifMatch);
        RulesDocument saved = rules.update(body, expected);
        return ResponseEntity.ok().eTag(Etags.of(saved.version())).body(RulesJson.of(saved));
    }

    @GetMapping("/api/v1/proposals")
    @Operation(summary = "Pending plan changes the engine proposes for the caller's clients, oldest first")
    List<ProposalJson> pending() {
        return proposals.pending().stream().map(ProposalJson::of).toList();
    }

    @PostMapping("/api/v1/proposals/{id}/approve")
    @Operation(
            summary = "Approve a proposal: it becomes the plan's next revision",
            description = "Send the proposal's baseRevision as If-Match (or in the body). 409 when the plan changed"
                    + " since the proposal was made (it is withdrawn) or it was decided already; 412 when the"
                    + " revision sent is not the proposal's or a concurrent edit won.")
    RevisionJson approve(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody(required = false) @Nullable ApproveRequest body) {
        int base = body != null && body.baseRevision() != null ? body.baseRevision() : Etags.requireVersion(ifMatch);
        return RevisionJson.of(proposals.approve(id, base));
    }

    @PostMapping("/api/v1/proposals/{id}/reject")
    @Operation(summary = "Reject a proposal, optionally saying why; the plan stays as it is")
    ProposalJson reject(@PathVariable UUID id, @RequestBody(required = false) @Nullable RejectRequest body) {
        return ProposalJson.of(proposals.reject(id, body == null ? null : body.note()));
    }

    @ExceptionHandler(InvalidRulesException.class)
    ProblemDetail invalidRules(InvalidRulesException e) {
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, "Invalid plan rules", e.getMessage(), "invalid-plan-rules");
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler(ProposalOutdatedException.class)
    ProblemDetail outdated(ProposalOutdatedException e) {
        return Problems.of(HttpStatus.CONFLICT, "Proposal no longer applies", e.getMessage(), "proposal-outdated");
    }

    record ApproveRequest(@Nullable Integer baseRevision) {}

    record RejectRequest(@Nullable String note) {}

    record RulesJson(EngineRules rules, int version, boolean platformDefault) {
        static RulesJson of(RulesDocument d) {
            return new RulesJson(d.rules(), d.version(), d.platformDefault());
        }
    }

    record ProposalJson(
            UUID id,
            UUID clientId,
            UUID planId,
            int baseRevision,
            String kind,
            String reason,
            List<SessionChange> changes,
            String status,
            Instant createdAt,
            @Nullable Integer appliedRevision,
            @Nullable String note) {
        static ProposalJson of(AdjustmentProposal p) {
            return new ProposalJson(
                    p.id(),
                    p.clientId().value(),
                    p.planId().value(),
                    p.baseRevision(),
                    p.kind().code(),
                    p.reason(),
                    p.changes(),
                    p.status().code(),
                    p.createdAt(),
                    p.appliedRevision(),
                    p.decisionNote());
        }
    }

    record RevisionJson(UUID planId, int revision, String kind, String source, String reason, Instant createdAt) {
        static RevisionJson of(PlanRevision r) {
            return new RevisionJson(
                    r.planId().value(),
                    r.revision(),
                    r.kind().code(),
                    r.source().code(),
                    r.reason(),
                    r.createdAt());
        }
    }

    record FlagJson(String kind, String detail, int severity, Instant raisedAt) {
        static FlagJson of(ClientFlag f) {
            return new FlagJson(f.kind(), f.detail(), f.severity(), f.raisedAt());
        }
    }

    record AttentionJson(
            UUID clientId,
            String clientName,
            int severity,
            Instant since,
            List<FlagJson> flags,
            List<ProposalJson> proposals,
            List<AttentionItem.CoachTask> tasks) {
        static AttentionJson of(AttentionItem i) {
            return new AttentionJson(
                    i.clientId().value(),
                    i.clientName(),
                    i.severity(),
                    i.since(),
                    i.flags().stream().map(FlagJson::of).toList(),
                    i.proposals().stream().map(ProposalJson::of).toList(),
                    i.tasks());
        }
    }
}
