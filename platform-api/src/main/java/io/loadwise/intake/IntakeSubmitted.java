package io.loadwise.intake;

import io.loadwise.events.TenantEvent;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A client completed (or updated) their intake. Sent to Kafka keyed by tenant so the coach can be
 * notified; the answers stay in the database (they are health data), only ids travel.
 */
@Externalized(IntakeSubmitted.TOPIC)
public record IntakeSubmitted(UUID eventId, TenantId tenantId, ClientId clientId, UUID submissionId, Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.intake.intake-submitted";
}
