package io.loadwise.planengine;

import io.loadwise.checkins.CheckInRecorded;
import io.loadwise.checkins.SessionLogged;
import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.events.EventPayloads;
import io.loadwise.events.ProcessedEvents;
import io.loadwise.events.UnprocessableEventException;
import io.loadwise.plans.SessionMissed;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantId;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The plan engine's Kafka consumer (worker role): every check-in, log and missed session is
 * evaluated once per event ({@link ProcessedEvents#runOnce}).
 *
 * <p>When a coach's edit lands between the engine's read and its revision, the revision is refused
 * as stale and the whole attempt rolls back; it is then run again from a fresh read, so the
 * decision always rests on the plan as the coach left it. After {@link #STALE_ATTEMPTS} attempts
 * the exception reaches the container, which retries with back-off and finally dead-letters.
 */
@Component
@ConditionalOnWorkerRole
class PlanEngineListener {

    static final String GROUP = "loadwise-planengine";
    static final int STALE_ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(PlanEngineListener.class);

    private final EventPayloads payloads;
    /**
     * Consumers per topic: one per partition. Events are keyed by tenant, so one tenant's events stay
     * in order while other tenants' are evaluated side by side; a plan revised from two topics at once
     * is serialised by its row lock (the loser re-reads and re-evaluates).
     */
    static final String CONSUMERS = "${loadwise.events.partitions:3}";

    private final ProcessedEvents processed;
    private final PlanEngine engine;

    PlanEngineListener(EventPayloads payloads, ProcessedEvents processed, PlanEngine engine) {
        this.payloads = payloads;
        this.processed = processed;
        this.engine = engine;
    }

    @KafkaListener(
            id = "planengine-check-in-recorded",
            concurrency = CONSUMERS,
            topics = CheckInRecorded.TOPIC,
            groupId = GROUP)
    void onCheckInRecorded(ConsumerRecord<String, byte[]> record) {
        CheckInRecorded event = payloads.read(record.value(), CheckInRecorded.class);
        require(event, event.eventId(), event.tenantId(), event.clientId(), event.checkInId(), event.date());
        runOnce(
                event.tenantId(),
                event.eventId(),
                "planengine.check-in-recorded",
                () -> engine.checkInRecorded(event.clientId(), event.checkInId(), event.date(), event.eventId()));
    }

    @KafkaListener(
            id = "planengine-session-logged",
            concurrency = CONSUMERS,
            topics = SessionLogged.TOPIC,
            groupId = GROUP)
    void onSessionLogged(ConsumerRecord<String, byte[]> record) {
        SessionLogged event = payloads.read(record.value(), SessionLogged.class);
        require(event, event.eventId(), event.tenantId(), event.clientId());
        runOnce(
                event.tenantId(),
                event.eventId(),
                "planengine.session-logged",
                () -> engine.sessionOutcome(event.clientId(), event.eventId()));
    }

    @KafkaListener(
            id = "planengine-session-missed",
            concurrency = CONSUMERS,
            topics = SessionMissed.TOPIC,
            groupId = GROUP)
    void onSessionMissed(ConsumerRecord<String, byte[]> record) {
        SessionMissed event = payloads.read(record.value(), SessionMissed.class);
        require(event, event.eventId(), event.tenantId(), event.clientId());
        runOnce(
                event.tenantId(),
                event.eventId(),
                "planengine.session-missed",
                () -> engine.sessionOutcome(event.clientId(), event.eventId()));
    }

    private void runOnce(TenantId tenant, UUID eventId, String consumer, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (!processed.runOnce(tenant, eventId, consumer, work)) {
                    log.info("Event {} was evaluated before; redelivery ignored", eventId);
                }
                return;
            } catch (StaleVersionException e) {
                if (attempt >= STALE_ATTEMPTS) {
                    throw e;
                }
                log.info("Plan changed while evaluating event {}; evaluating again ({})", eventId, attempt);
            }
        }
    }

    private static void require(Object event, Object... fields) {
        // Jackson leaves missing properties null; without these there is nothing to evaluate.
        if (Stream.of(fields).anyMatch(Objects::isNull)) {
            throw new UnprocessableEventException("Event record lacks required fields: " + event);
        }
    }
}
