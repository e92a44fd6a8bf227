package io.loadwise.plans;

import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A client's plan, without its sessions.
 *
 * @param revision the number of its latest revision; the version an edit must be based on (ETag)
 * @param baselineMorningPain the client's usual next-morning pain as the coach set it; null: derived
 *     from check-ins by the engine
 */
public record ClientPlan(
        PlanId id,
        ClientId clientId,
        @Nullable TemplateId templateId,
        String name,
        LocalDate startDate,
        LocalDate endDate,
        PlanStatus status,
        String currentPhase,
        LocalDate phaseStartedOn,
        @Nullable Integer baselineMorningPain,
        int revision,
        Instant createdAt,
        Instant updatedAt) {}
