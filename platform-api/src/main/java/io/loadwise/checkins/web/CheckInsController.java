package io.loadwise.checkins.web;

import io.loadwise.checkins.CheckIn;
import io.loadwise.checkins.CheckInEntry;
import io.loadwise.checkins.CheckInService;
import io.loadwise.checkins.LogVersionRequiredException;
import io.loadwise.checkins.LoggedLoad;
import io.loadwise.checkins.SessionLog;
import io.loadwise.checkins.SessionLogEntry;
import io.loadwise.checkins.SessionOutcome;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.roster.ClientId;
import io.loadwise.web.Etags;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CheckInsController {

    static final String SVG = "image/svg+xml";
    private static final String PERIOD = "Dates as YYYY-MM-DD; 'to' defaults to today (the business's time zone),"
            + " 'from' to eight weeks before it; at most 366 days; 400 when 'from' is after 'to'.";

    private final CheckInService checkIns;

    CheckInsController(CheckInService checkIns) {
        this.checkIns = checkIns;
    }

    @PutMapping("/api/v1/me/sessions/{sessionId}/log")
    @Operation(
            summary = "Log a session of your current plan, or change its log",
            description = "outcome done/partial/skipped; durationMinutes 0-1440; distanceKm 0-1000; rpe 1-10;"
                    + " loads per exercise (exercise, sets, reps or holdSeconds, loadKg 0-1000); notes up to 2000"
                    + " characters. The first log needs no If-Match (201); changing it needs the log's ETag in"
                    + " If-Match (428 without, 412 when stale). 404 for another client's or an unknown session,"
                    + " 400 for a session after today or a cancelled one.")
    ResponseEntity<SessionLogJson> logSession(
            @PathVariable UUID sessionId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody LogRequest request) {
        Integer version = ifMatch == null || ifMatch.isBlank() ? null : Etags.requireVersion(ifMatch);
        SessionLog log = checkIns.logMySession(new PlanSessionId(sessionId), version, request.toEntry());
        return ResponseEntity.status(version == null ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(Etags.of(log.version()))
                .body(SessionLogJson.of(log));
    }

    @GetMapping("/api/v1/me/session-logs")
    @Operation(summary = "Your session logs, by the session's date", description = PERIOD)
    List<SessionLogJson> mySessionLogs(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return checkIns.mySessionLogs(date("from", from), date("to", to)).stream()
                .map(SessionLogJson::of)
                .toList();
    }

    @GetMapping("/api/v1/clients/{id}/session-logs")
    @Operation(
            summary = "A client's session logs, for their coaches",
            description = PERIOD + " 404 for clients the caller does not coach.")
    List<SessionLogJson> sessionLogs(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return checkIns.sessionLogs(new ClientId(id), date("from", from), date("to", to)).stream()
                .map(SessionLogJson::of)
                .toList();
    }

    @PostMapping("/api/v1/me/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Record a symptom check-in",
            description = "painDuring, morningPain, morningStiffness, painAfterSitting 0-10; sleepHours 0-24 in half"
                    + " hours; notes up to 2000 characters; at least one value. date defaults to today; not in the"
                    + " future, at most 14 days back, not before your plan's start. sessionId optional (yours).")
    CheckInJson recordCheckIn(@RequestBody CheckInRequest request) {
        return CheckInJson.of(checkIns.recordMyCheckIn(request.toEntry()));
    }

    @GetMapping("/api/v1/me/check-ins")
    @Operation(summary = "Your check-ins, oldest first", description = PERIOD)
    List<CheckInJson> myCheckIns(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return checkIns.myCheckIns(date("from", from), date("to", to)).stream()
                .map(CheckInJson::of)
                .toList();
    }

    @GetMapping("/api/v1/clients/{id}/check-ins")
    @Operation(
            summary = "A client's check-ins, for their coaches",
            description = PERIOD + " 404 for clients the caller does not coach.")
    List<CheckInJson> checkIns(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return checkIns.checkIns(new ClientId(id), date("from", from), date("to", to)).stream()
                .map(CheckInJson::of)
                .toList();
    }

    @GetMapping(value = "/api/v1/me/charts/pain.svg")
    @Operation(summary = "Your pain over time as an SVG chart, with the pain-monitoring zones", description = PERIOD)
    ResponseEntity<String> myPainChart(
            @Parameter(description = "first day") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day") @RequestParam(required = false) @Nullable String to) {
        return svg(checkIns.myPainChart(date("from", from), date("to", to)));
    }

    @GetMapping(value = "/api/v1/me/charts/load.svg")
    @Operation(summary = "Your training load per week as an SVG chart", description = PERIOD)
    ResponseEntity<String> myLoadChart(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return svg(checkIns.myLoadChart(date("from", from), date("to", to)));
    }

    @GetMapping(value = "/api/v1/clients/{id}/charts/pain.svg")
    @Operation(summary = "A client's pain over time as an SVG chart, for their coaches", description = PERIOD)
    ResponseEntity<String> painChart(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return svg(checkIns.painChart(new ClientId(id), date("from", from), date("to", to)));
    }

    @GetMapping(value = "/api/v1/clients/{id}/charts/load.svg")
    @Operation(summary = "A client's training load per week as an SVG chart, for their coaches", description = PERIOD)
    ResponseEntity<String> loadChart(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return svg(checkIns.loadChart(new ClientId(id), date("from", from), date("to", to)));
    }

    @ExceptionHandler(LogVersionRequiredException.class)
    ResponseEntity<ProblemDetail> versionRequired(LogVersionRequiredException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED)
                .eTag(Etags.of(e.existing().version()))
                .body(Problems.of(
                        HttpStatus.PRECONDITION_REQUIRED, "If-Match required", e.getMessage(), "if-match-required"));
    }

    private static ResponseEntity<String> svg(String document) {
        // Health data: never kept by shared caches.
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, SVG)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(document);
    }

    private static @Nullable LocalDate date(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be a date like 2026-03-31, was '" + value + "'.");
        }
    }

    record LoadJson(
            @Nullable String exercise,
            @Nullable Integer sets,
            @Nullable Integer reps,
            @Nullable Integer holdSeconds,
            @Nullable BigDecimal loadKg) {}

    record LogRequest(
            @Nullable String outcome,
            @Nullable Integer durationMinutes,
            @Nullable BigDecimal distanceKm,
            @Nullable Integer rpe,
            @Nullable List<LoadJson> loads,
            @Nullable String notes) {
        SessionLogEntry toEntry() {
            return new SessionLogEntry(
                    outcome == null ? null : SessionOutcome.fromCode(outcome.strip()),
                    durationMinutes,
                    distanceKm,
                    rpe,
                    loads == null
                            ? List.of()
                            : loads.stream()
                                    .map(l -> l == null
                                            ? null
                                            : new LoggedLoad(
                                                    l.exercise() == null ? "" : l.exercise(),
                                                    l.sets(),
                                                    l.reps(),
                                                    l.holdSeconds(),
                                                    l.loadKg()))
                                    .toList(),
                    notes);
        }
    }

    record SessionLogJson(
            UUID id,
            UUID clientId,
            UUID planId,
            UUID sessionId,
            LocalDate sessionDate,
            String outcome,
            @Nullable Integer durationMinutes,
            @Nullable BigDecimal distanceKm,
            @Nullable Integer rpe,
            List<LoggedLoad> loads,
            String notes,
            Instant loggedAt,
            int version) {
        static SessionLogJson of(SessionLog log) {
            return new SessionLogJson(
                    log.id(),
                    log.clientId().value(),
                    log.planId().value(),
                    log.sessionId().value(),
                    log.sessionDate(),
                    log.outcome().code(),
                    log.durationMinutes(),
                    log.distanceKm(),
                    log.rpe(),
                    log.loads(),
                    log.notes(),
                    log.loggedAt(),
                    log.version());
        }
    }

    record CheckInRequest(
            @Nullable LocalDate date,
            @Nullable Integer painDuring,
            @Nullable Integer morningPain,
            @Nullable Integer morningStiffness,
            @Nullable Integer painAfterSitting,
            @Nullable BigDecimal sleepHours,
            @Nullable String notes,
            @Nullable UUID sessionId) {
        CheckInEntry toEntry() {
            return new CheckInEntry(
                    date,
                    painDuring,
                    morningPain,
                    morningStiffness,
                    painAfterSitting,
                    sleepHours,
                    notes,
                    sessionId == null ? null : new PlanSessionId(sessionId));
        }
    }

    record CheckInJson(
            UUID id,
            UUID clientId,
            @Nullable UUID planId,
            @Nullable UUID sessionId,
            LocalDate date,
            @Nullable Integer painDuring,
            @Nullable Integer morningPain,
            @Nullable Integer morningStiffness,
            @Nullable Integer painAfterSitting,
            @Nullable BigDecimal sleepHours,
            String notes,
            Instant recordedAt) {
        static CheckInJson of(CheckIn c) {
            return new CheckInJson(
                    c.id(),
                    c.clientId().value(),
                    c.planId() == null ? null : c.planId().value(),
                    c.sessionId() == null ? null : c.sessionId().value(),
                    c.date(),
                    c.painDuring(),
                    c.morningPain(),
                    c.morningStiffness(),
                    c.painAfterSitting(),
                    c.sleepHours(),
                    c.notes(),
                    c.recordedAt());
        }
    }
}
