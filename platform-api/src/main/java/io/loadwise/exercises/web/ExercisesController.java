package io.loadwise.exercises.web;

import io.loadwise.exercises.Exercise;
import io.loadwise.exercises.ExerciseCategory;
import io.loadwise.exercises.ExerciseDraft;
import io.loadwise.exercises.ExerciseFilter;
import io.loadwise.exercises.ExerciseId;
import io.loadwise.exercises.ExerciseLibrary;
import io.loadwise.exercises.ExerciseNameTakenException;
import io.loadwise.exercises.ExerciseTarget;
import io.loadwise.exercises.InvalidExerciseException;
import io.loadwise.web.Etags;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Exercise library", description = "The loading exercises a business's coaches build sessions from")
class ExercisesController {

    private final ExerciseLibrary library;

    ExercisesController(ExerciseLibrary library) {
        this.library = library;
    }

    @GetMapping("/api/v1/exercises")
    @Operation(
            summary = "The exercises of the caller's business, by name",
            description = "Archived exercises are left out. category (isometric, eccentric, heavy_slow_resistance,"
                    + " energy_storage, glutes_core, mobility) and target (hamstring, achilles, patellar, glute,"
                    + " core, calf, hip, quadriceps, full_body) filter; q searches names and cues. Coaches only.")
    List<ExerciseJson> list(
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String q) {
        ExerciseFilter filter = new ExerciseFilter(
                category == null || category.isBlank() ? null : ExerciseCategory.fromCode(category),
                target == null || target.isBlank() ? null : ExerciseTarget.fromCode(target),
                q);
        return library.list(filter).stream().map(ExerciseJson::of).toList();
    }

    @GetMapping("/api/v1/exercises/{id}")
    @Operation(summary = "One exercise (archived ones too); the ETag is the version to send in If-Match")
    ResponseEntity<ExerciseJson> get(@PathVariable UUID id) {
        Exercise exercise = library.get(new ExerciseId(id));
        return ResponseEntity.ok().eTag(Etags.of(exercise.version())).body(ExerciseJson.of(exercise));
    }

    @PostMapping("/api/v1/exercises")
    @Operation(
            summary = "Add an exercise to the library",
            description = "400 names each field that can't be saved; 409 when a library exercise has the name.")
    ResponseEntity<ExerciseJson> create(@RequestBody ExerciseRequest request) {
        Exercise created = library.create(request.toDraft());
        return ResponseEntity.created(URI.create("/api/v1/exercises/" + created.id()))
                .eTag(Etags.of(created.version()))
                .body(ExerciseJson.of(created));
    }

    @PutMapping("/api/v1/exercises/{id}")
    @Operation(
            summary = "Change an exercise",
            description = "The whole exercise. Needs If-Match with the ETag read: 428 without it, 412 when someone"
                    + " else saved in the meantime.")
    ResponseEntity<ExerciseJson> update(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ExerciseRequest request) {
        int expected = Etags.requireVersion(ifMatch);
        Exercise saved = library.update(new ExerciseId(id), expected, request.toDraft());
        return ResponseEntity.ok().eTag(Etags.of(saved.version())).body(ExerciseJson.of(saved));
    }

    @PostMapping("/api/v1/exercises/{id}/archive")
    @Operation(
            summary = "Archive an exercise",
            description = "It leaves the library; templates and plans that use it keep its name and dose. Needs"
                    + " If-Match.")
    ResponseEntity<ExerciseJson> archive(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        int expected = Etags.requireVersion(ifMatch);
        Exercise archived = library.archive(new ExerciseId(id), expected);
        return ResponseEntity.ok().eTag(Etags.of(archived.version())).body(ExerciseJson.of(archived));
    }

    @ExceptionHandler(InvalidExerciseException.class)
    ProblemDetail invalidExercise(InvalidExerciseException e) {
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, "Invalid exercise", e.getMessage(), "invalid-exercise");
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler(ExerciseNameTakenException.class)
    ProblemDetail nameTaken(ExerciseNameTakenException e) {
        return Problems.of(HttpStatus.CONFLICT, "Name taken", e.getMessage(), "exercise-name-taken");
    }

    record ExerciseRequest(
            @Nullable String name,
            @Nullable String category,
            @Nullable String target,
            @Nullable String defaultDosage,
            @Nullable String cues,
            @Nullable String videoUrl) {

        ExerciseDraft toDraft() {
            return new ExerciseDraft(
                    name,
                    category == null || category.isBlank() ? null : ExerciseCategory.fromCode(category),
                    target == null || target.isBlank() ? null : ExerciseTarget.fromCode(target),
                    defaultDosage,
                    cues,
                    videoUrl);
        }
    }

    record ExerciseJson(
            UUID id,
            String name,
            String category,
            String target,
            String defaultDosage,
            String cues,
            @Nullable String videoUrl,
            @Nullable String defaultKey,
            boolean archived,
            int version,
            Instant updatedAt) {

        static ExerciseJson of(Exercise e) {
            return new ExerciseJson(
                    e.id().value(),
                    e.name(),
                    e.category().code(),
                    e.target().code(),
                    e.defaultDosage(),
                    e.cues(),
                    e.videoUrl(),
                    e.defaultKey(),
                    e.archived(),
                    e.version(),
                    e.updatedAt());
        }
    }
}
