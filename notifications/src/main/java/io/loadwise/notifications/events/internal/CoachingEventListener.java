package io.loadwise.notifications.events.internal;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.notifications.NotificationType;
import io.loadwise.planengine.AdjustmentProposal;
import io.loadwise.planengine.AdjustmentProposed;
import io.loadwise.planengine.ProposalNotices;
import io.loadwise.plans.ClientPlan;
import io.loadwise.plans.PlanAdjusted;
import io.loadwise.plans.PlanAssigned;
import io.loadwise.plans.PlanRevision;
import io.loadwise.plans.PlanStatus;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.RevisionKind;
import io.loadwise.plans.RevisionSource;
import io.loadwise.plans.SessionMissed;
import io.loadwise.plans.SessionStatus;
import io.loadwise.roster.ClientFlag;
import io.loadwise.roster.ClientFlagRaised;
import io.loadwise.roster.ClientFlags;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.NotificationAudience;
import io.loadwise.roster.NotificationAudience.Circle;
import io.loadwise.roster.NotificationAudience.Person;
import io.loadwise.tenancy.RecentTenants;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The coaching loop: the client hears of a new plan, of changes that matter with their reason,
 * and gets a nudge after missed sessions; the coaches hear when the engine changed a plan, when
 * it waits for their approval, and when a client's pain spikes. Events carry ids only (health
 * details stay out of Kafka): reasons and names are read as the event's tenant.
 */
@Component
@ConditionalOnWorkerRole
class CoachingEventListener {

    /** How far back a missed-sessions nudge counts misses. */
    static final int MISSED_WINDOW_DAYS = 7;

    private static final Logger log = LoggerFactory.getLogger(CoachingEventListener.class);

    private final EventIntake intake;
    private final PlanStore plans;
    private final ProposalNotices proposals;
    private final NotificationAudience audience;
    private final ClientFlags flags;
    private final RecentTenants tenants;

    CoachingEventListener(
            EventIntake intake,
            PlanStore plans,
            ProposalNotices proposals,
            NotificationAudience audience,
            ClientFlags flags,
            RecentTenants tenants) {
        this.intake = intake;
        this.plans = plans;
        this.proposals = proposals;
        this.audience = audience;
        this.flags = flags;
        this.tenants = tenants;
    }

    @KafkaListener(
            id = "notifications-coaching",
            topics = {
                PlanAssigned.TOPIC,
                PlanAdjusted.TOPIC,
                AdjustmentProposed.TOPIC,
                SessionMissed.TOPIC,
                ClientFlagRaised.TOPIC
            },
            groupId = Listeners.GROUP,
            concurrency = Listeners.CONCURRENCY,
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        PollCircles circles = new PollCircles(audience);
        intake.handleBatch(records, record -> switch (record.topic()) {
            case PlanAssigned.TOPIC -> assigned(record, circles);
            case PlanAdjusted.TOPIC -> adjusted(record, circles);
            case AdjustmentProposed.TOPIC -> proposed(record, circles);
            case SessionMissed.TOPIC -> missed(record, circles);
            default -> flagRaised(record, circles);
        });
    }

    private Optional<EventIntake.Job> assigned(ConsumerRecord<String, byte[]> record, PollCircles circles) {
        PlanAssigned e = intake.read(record, PlanAssigned.class, p ->
                new Object[] {p.eventId(), p.tenantId(), p.clientId(), p.planId(), p.status(), p.occurredAt()});
        if (e.status() != PlanStatus.ACTIVE) {
            return Optional.empty(); // a draft is the coach's work in progress: the client hears when it is assigned
        }
        circles.want(e.tenantId(), e.clientId());
        return Optional.of(new EventIntake.Job(e.tenantId(), () -> {
            Tenant tenant = tenant(e.tenantId());
            Optional<ClientPlan> plan = plans.plan(e.planId());
            Optional<Circle> circle = circles.of(e.tenantId(), e.clientId());
            if (plan.isEmpty() || circle.isEmpty()) {
                log.info("Plan event {} concerns a client or plan that no longer exists", e.eventId());
                return;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("planName", plan.get().name());
            model.put("startDate", plan.get().startDate().toString());
            circle.get().coaches().stream().findFirst().ifPresent(c -> model.put("coachName", c.name()));
            toClient(
                    record,
                    e.eventId(),
                    e.tenantId(),
                    circle.get(),
                    NotificationType.PLAN_ASSIGNED,
                    model,
                    portal(tenant, "/me/today"),
                    e.occurredAt());
        }));
    }

    private Optional<EventIntake.Job> adjusted(ConsumerRecord<String, byte[]> record, PollCircles circles) {
        PlanAdjusted e =
                intake.read(record, PlanAdjusted.class, p -> new Object[] {
                    p.eventId(), p.tenantId(), p.clientId(), p.planId(), p.kind(), p.source(), p.occurredAt()
                });
        boolean byThePlatform = e.source() == RevisionSource.ENGINE || e.source() == RevisionSource.BILLING;
        // A coach's session edits show in the plan with their reason; telling the client of each
        // one would bury them in mail. A pause or resume changes their week, whoever made it.
        boolean pauseOrResume = e.kind() == RevisionKind.PAUSED || e.kind() == RevisionKind.RESUMED;
        if (!byThePlatform && !pauseOrResume) {
            return Optional.empty();
        }
        circles.want(e.tenantId(), e.clientId());
        return Optional.of(new EventIntake.Job(e.tenantId(), () -> {
            Tenant tenant = tenant(e.tenantId());
            Optional<ClientPlan> plan = plans.plan(e.planId());
            Optional<PlanRevision> revision = plans.revision(e.planId(), e.revision());
            Optional<Circle> circle = circles.of(e.tenantId(), e.clientId());
            if (plan.isEmpty() || revision.isEmpty() || circle.isEmpty()) {
                log.info("Plan event {} concerns a client or plan that no longer exists", e.eventId());
                return;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("planName", plan.get().name());
            model.put("reason", revision.get().reason());
            model.put("revisionKind", kind(e.kind()));
            model.put("revision", e.revision());
            // The coaches' alert first: it is the one that may ask for a decision.
            if (byThePlatform) {
                Map<String, Object> alert = new LinkedHashMap<>(model);
                alert.put("clientName", circle.get().client().name());
                toCoaches(
                        record,
                        e.eventId(),
                        e.tenantId(),
                        circle.get(),
                        NotificationType.PLAN_CHANGED_BY_ENGINE,
                        alert,
                        "/coach/clients/" + e.clientId(),
                        e.occurredAt());
            }
            toClient(
                    record,
                    e.eventId(),
                    e.tenantId(),
                    circle.get(),
                    NotificationType.PLAN_ADJUSTED,
                    model,
                    portal(tenant, "/me/today"),
                    e.occurredAt());
        }));
    }

    private Optional<EventIntake.Job> proposed(ConsumerRecord<String, byte[]> record, PollCircles circles) {
        AdjustmentProposed e = intake.read(record, AdjustmentProposed.class, p ->
                new Object[] {p.eventId(), p.tenantId(), p.clientId(), p.planId(), p.proposalId(), p.occurredAt()});
        circles.want(e.tenantId(), e.clientId());
        return Optional.of(new EventIntake.Job(e.tenantId(), () -> {
            Optional<ClientPlan> plan = plans.plan(e.planId());
            Optional<AdjustmentProposal> proposal = proposals.proposal(e.proposalId());
            Optional<Circle> circle = circles.of(e.tenantId(), e.clientId());
            if (plan.isEmpty() || proposal.isEmpty() || circle.isEmpty()) {
                log.info("Proposal event {} concerns a client, plan or proposal that no longer exists", e.eventId());
                return;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("clientName", circle.get().client().name());
            model.put("planName", plan.get().name());
            model.put("reason", proposal.get().reason());
            model.put("revisionKind", kind(proposal.get().kind()));
            model.put("proposalId", e.proposalId().toString());
            // The dashboard lists pending proposals with approve/reject, each under this anchor.
            toCoaches(
                    record,
                    e.eventId(),
                    e.tenantId(),
                    circle.get(),
                    NotificationType.ADJUSTMENT_PROPOSED,
                    model,
                    "/coach/dashboard#proposal-" + e.proposalId(),
                    e.occurredAt());
        }));
    }

    /**
     * At most one nudge per client and day, however many sessions the sweep marks missed: the
     * notification's event id is derived from (tenant, client, day in the business's time zone),
     * so the notifier's dedupe key stores the day's first one and ignores the rest, with no state
     * of our own. The nudge counts the misses of the last week as of that first event.
     */
    private Optional<EventIntake.Job> missed(ConsumerRecord<String, byte[]> record, PollCircles circles) {
        SessionMissed e = intake.read(record, SessionMissed.class, s ->
                new Object[] {s.eventId(), s.tenantId(), s.clientId(), s.planId(), s.date(), s.occurredAt()});
        circles.want(e.tenantId(), e.clientId());
        return Optional.of(new EventIntake.Job(e.tenantId(), () -> {
            Tenant tenant = tenant(e.tenantId());
            var snapshot = plans.snapshot(e.planId());
            Optional<Circle> circle = circles.of(e.tenantId(), e.clientId());
            if (snapshot.isEmpty() || circle.isEmpty()) {
                log.info("Missed-session event {} concerns a client or plan that no longer exists", e.eventId());
                return;
            }
            if (snapshot.get().plan().status() != PlanStatus.ACTIVE) {
                return; // a paused or finished plan needs no nudge
            }
            long missed = snapshot.get().sessionsBetween(e.date().minusDays(MISSED_WINDOW_DAYS - 1), e.date()).stream()
                    .filter(s -> s.status() == SessionStatus.MISSED)
                    .count();
            LocalDate day = LocalDate.ofInstant(e.occurredAt(), ZoneId.of(tenant.timeZone()));
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("planName", snapshot.get().plan().name());
            model.put("missedCount", Math.max(1, missed));
            model.put("lastMissedOn", e.date().toString());
            toClient(
                    record,
                    missedSessionsDay(e.tenantId(), e.clientId(), day),
                    e.tenantId(),
                    circle.get(),
                    NotificationType.MISSED_SESSIONS,
                    model,
                    portal(tenant, "/me/today"),
                    e.occurredAt());
        }));
    }

    /** The stable id of a client's missed-sessions nudge of one day. */
    static UUID missedSessionsDay(TenantId tenant, ClientId client, LocalDate day) {
        return UUID.nameUUIDFromBytes(("missed-sessions|" + tenant.value() + "|" + client.value() + "|" + day)
                .getBytes(StandardCharsets.UTF_8));
    }

    private Optional<EventIntake.Job> flagRaised(ConsumerRecord<String, byte[]> record, PollCircles circles) {
        ClientFlagRaised e = intake.read(record, ClientFlagRaised.class, f ->
                new Object[] {f.eventId(), f.tenantId(), f.clientId(), f.kind(), f.occurredAt()});
        if (!ClientFlags.PAIN_SPIKE.equals(e.kind())) {
            return Optional.empty(); // missed sessions nudge the client instead; the other flags wait on the dashboard
        }
        circles.want(e.tenantId(), e.clientId());
        return Optional.of(new EventIntake.Job(e.tenantId(), () -> {
            Optional<Circle> circle = circles.of(e.tenantId(), e.clientId());
            // The detail is health data: the event carries none, the roster has it.
            Optional<ClientFlag> flag = flags.of(e.clientId()).stream()
                    .filter(f -> f.kind().equals(e.kind()))
                    .findFirst();
            if (circle.isEmpty() || flag.isEmpty()) {
                log.info("Flag event {} concerns a client or flag that no longer exists", e.eventId());
                return;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("clientName", circle.get().client().name());
            model.put("detail", flag.get().detail());
            model.put("severity", flag.get().severity());
            model.put("raisedAt", flag.get().raisedAt().toString());
            toCoaches(
                    record,
                    e.eventId(),
                    e.tenantId(),
                    circle.get(),
                    NotificationType.PAIN_SPIKE,
                    model,
                    "/coach/clients/" + e.clientId(),
                    e.occurredAt());
        }));
    }

    private void toClient(
            ConsumerRecord<String, byte[]> record,
            UUID eventId,
            TenantId tenant,
            Circle circle,
            NotificationType type,
            Map<String, Object> model,
            @Nullable String link,
            Instant occurredAt) {
        Person client = circle.client();
        intake.recipient(client.email(), client.name(), client.memberId(), record.topic())
                .ifPresent(to -> intake.notify(eventId, tenant, type, to, model, link, occurredAt));
    }

    private void toCoaches(
            ConsumerRecord<String, byte[]> record,
            UUID eventId,
            TenantId tenant,
            Circle circle,
            NotificationType type,
            Map<String, Object> model,
            @Nullable String link,
            Instant occurredAt) {
        if (circle.coaches().isEmpty()) {
            log.info("{} of event {}: the client has no coach and the business no owner to tell", type, eventId);
        }
        for (Person coach : circle.coaches()) {
            intake.recipient(coach.email(), coach.name(), coach.memberId(), record.topic())
                    .ifPresent(to -> intake.notify(eventId, tenant, type, to, model, link, occurredAt));
        }
    }

    private static String kind(RevisionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private Tenant tenant(TenantId id) {
        return tenants.find(id).orElseThrow(() -> new IllegalStateException("No tenant " + id));
    }

    private static String portal(Tenant tenant, String page) {
        return "/t/" + tenant.slug() + page;
    }
}
