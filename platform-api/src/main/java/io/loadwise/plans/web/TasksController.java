package io.loadwise.plans.web;

import io.loadwise.plans.CoachTask;
import io.loadwise.plans.PlanService;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Work the platform created for coaches, e.g. building a custom plan a client bought. */
@RestController
class TasksController {

    private final PlanService plans;

    TasksController(PlanService plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/tasks")
    @Operation(summary = "Open tasks of the caller's clients (the owner: all), oldest first")
    List<TaskJson> open() {
        return plans.openTasks().stream().map(TaskJson::of).toList();
    }

    @PostMapping("/api/v1/tasks/{id}/done")
    @Operation(summary = "Mark a task done")
    TaskJson done(@PathVariable UUID id) {
        return TaskJson.of(plans.completeTask(id));
    }

    record TaskJson(
            UUID id,
            UUID clientId,
            String clientName,
            String kind,
            String title,
            @Nullable UUID planId,
            String status,
            Instant createdAt,
            @Nullable Instant doneAt) {

        static TaskJson of(CoachTask t) {
            return new TaskJson(
                    t.id(),
                    t.clientId().value(),
                    t.clientName(),
                    t.kind(),
                    t.title(),
                    t.planId() == null ? null : t.planId().value(),
                    t.done() ? "done" : "open",
                    t.createdAt(),
                    t.doneAt());
        }
    }
}
