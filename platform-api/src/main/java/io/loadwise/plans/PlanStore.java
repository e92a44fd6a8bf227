package io.loadwise.plans;

import io.loadwise.plans.internal.PlanRepository;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Ids;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plans' book-keeping that every writer of a plan shares: creating a plan from a template
 * document, reading it as of its latest revision, and changing it only through numbered revisions.
 *
 * <p>It checks no permissions: its callers do — the plan service for coaches and clients, the
 * plan engine and billing for the platform. Every method joins the caller's transaction (or opens
 * one), under the caller's tenant.
 */
@Service
public class PlanStore {

    private final PlanRepository plans;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PlanStore(PlanRepository plans, ApplicationEventPublisher events, Clock clock) {
        this.plans = plans;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a client's plan from a template document, its sessions dated from {@code start}, as
     * revision 1 ({@link RevisionKind#ASSIGNED}), and publishes {@link PlanAssigned}.
     *
     * @throws IllegalArgumentException when the document has no phase or no session
     */
    @Transactional
    public PlanSnapshot create(
            ClientId client,
            @Nullable TemplateId template,
            String name,
            TemplateContent content,
            LocalDate start,
            PlanStatus status,
            RevisionSource source,
            String reason,
            @Nullable UUID memberId) {
        if (content.phases().isEmpty()) {
            throw new IllegalArgumentException("A plan needs at least one phase.");
        }
        String firstPhase = content.phases().getFirst().key();
        List<ScheduledSession> sessions = PlanSchedule.materialize(content, firstPhase, start, 1);
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("A plan needs at least one session.");
        }
        LocalDate end = PlanSchedule.endDate(start, content.totalWeeks());
        PlanId id = plans.insertPlan(client, template, name, content, start, end, status, firstPhase, memberId);
        plans.insertSessions(id, client, sessions, 0);
        plans.insertRevision(new PlanRevision(
                id, 1, RevisionKind.ASSIGNED, source, reason, List.of(), null, memberId, clock.instant()));
        plans.advance(id, 1, null, null, null, end);
        events.publishEvent(new PlanAssigned(
                Ids.newId(clock), TenantContext.require(), client, id, status, start, memberId, clock.instant()));
        return snapshot(id).orElseThrow();
    }

    /** The client's active or paused plan, with its sessions. */
    @Transactional(readOnly = true)
    public Optional<PlanSnapshot> current(ClientId client) {
        return plans.current(client).map(this::snapshotOf);
    }

    @Transactional(readOnly = true)
    public Optional<PlanSnapshot> snapshot(PlanId plan) {
        return plans.find(plan, false).map(this::snapshotOf);
    }

    /** The plan without its sessions (for notifications and lists). */
    @Transactional(readOnly = true)
    public Optional<ClientPlan> plan(PlanId plan) {
        return plans.find(plan, false);
    }

    /** Every plan the client has had, newest first, without sessions. */
    @Transactional(readOnly = true)
    public List<ClientPlan> plansOf(ClientId client) {
        return plans.plansOf(client);
    }

    @Transactional(readOnly = true)
    public Optional<PlanSession> session(PlanSessionId session) {
        return plans.session(session);
    }

    /** The client a session belongs to (for access checks before anything else is read). */
    @Transactional(readOnly = true)
    public Optional<ClientId> clientOf(PlanSessionId session) {
        return plans.clientOfSession(session);
    }

    /** The plan's revisions, newest first. */
    @Transactional(readOnly = true)
    public List<PlanRevision> revisions(PlanId plan) {
        return plans.revisions(plan);
    }

    @Transactional(readOnly = true)
    public Optional<PlanRevision> revision(PlanId plan, int revision) {
        return plans.revision(plan, revision);
    }

    /**
     * Records what became of a session (a log, or a missed day). Not a revision: the plan's
     * prescription is unchanged.
     *
     * @return false when there is no such session
     */
    @Transactional
    public boolean recordOutcome(PlanSessionId session, SessionStatus status) {
        return plans.setSessionStatus(session, status);
    }

    /**
     * Applies a change as the plan's next revision and publishes {@link PlanAdjusted}. The plan row
     * is locked for the rest of the transaction, so a coach's edit and the engine's revision are
     * applied one after the other, each checked against the revision it was based on.
     *
     * @return the new revision; or, when {@code sourceEventId} already produced one, that revision
     *     (the same event never revises a plan twice)
     * @throws StaleVersionException when the plan is no longer at {@code basedOnRevision}: nothing is changed
     * @throws IllegalArgumentException when a change names a session of another plan, changes a
     *     session the client already logged, or (for people's edits) dates a session outside the plan
     */
    @Transactional
    public PlanRevision revise(RevisionRequest request) {
        ClientPlan plan = plans.find(request.plan(), true)
                .orElseThrow(() -> new io.loadwise.shared.NotFoundException(
                        "plan", request.plan().toString()));
        if (request.sourceEventId() != null && plans.hasRevisionFor(plan.id(), request.sourceEventId())) {
            return plans.revisions(plan.id()).stream()
                    .filter(r -> request.sourceEventId().equals(r.sourceEventId()))
                    .findFirst()
                    .orElseThrow();
        }
        if (plan.revision() != request.basedOnRevision()) {
            throw new StaleVersionException("plan", request.basedOnRevision(), plan.revision());
        }
        int next = plan.revision() + 1;
        LocalDate end = plan.endDate();
        for (SessionChange change : request.changes()) {
            end = apply(plan, change, next, request, end);
        }
        LocalDate phaseStart = request.newPhase() == null
                ? null
                : request.changes().stream()
                        .filter(c -> c.after() != null && request.newPhase().equals(c.phaseKey()))
                        .map(SessionChange::date)
                        .min(LocalDate::compareTo)
                        .orElse(LocalDate.now(clock));
        PlanRevision revision = new PlanRevision(
                plan.id(),
                next,
                request.kind(),
                request.source(),
                request.reason(),
                request.changes(),
                request.sourceEventId(),
                request.memberId(),
                clock.instant());
        plans.insertRevision(revision);
        plans.advance(plan.id(), next, request.newPhase(), phaseStart, request.newStatus(), end);
        TenantId tenant = TenantContext.require();
        events.publishEvent(new PlanAdjusted(
                Ids.newId(clock),
                tenant,
                plan.clientId(),
                plan.id(),
                next,
                request.kind(),
                request.source(),
                clock.instant()));
        return revision;
    }

    private LocalDate apply(
            ClientPlan plan, SessionChange change, int revision, RevisionRequest request, LocalDate end) {
        boolean byPeople = request.source() != RevisionSource.ENGINE && request.source() != RevisionSource.BILLING;
        if (change.session() == null) {
            if (change.after() == null) {
                throw new IllegalArgumentException("A change must name a session or add one.");
            }
            if (change.date().isBefore(plan.startDate())
                    || (byPeople && change.date().isAfter(plan.endDate()))) {
                throw new IllegalArgumentException("The date " + change.date() + " is outside the plan ("
                        + plan.startDate() + " to " + plan.endDate() + ").");
            }
            int week = (int) (ChronoUnit.DAYS.between(plan.startDate(), change.date()) / 7) + 1;
            String phase = change.phaseKey() != null ? change.phaseKey() : plan.currentPhase();
            plans.addSession(
                    plan.id(), plan.clientId(), change.date(), phase, week, change.after(), revision, request.reason());
            return change.date().isAfter(end) ? change.date() : end;
        }
        PlanSession session = plans.session(change.session())
                .filter(s -> s.planId().equals(plan.id()))
                .orElseThrow(() ->
                        new IllegalArgumentException("Session " + change.session() + " is not part of this plan."));
        if (session.status() != SessionStatus.PLANNED) {
            throw new IllegalArgumentException("The session of " + session.date() + " is already "
                    + session.status().code() + "; only planned sessions can change.");
        }
        if (change.after() == null) {
            plans.cancelSession(session.id(), revision, request.reason());
        } else {
            plans.changeSession(session.id(), change.after(), revision, request.reason());
        }
        return end;
    }

    private PlanSnapshot snapshotOf(ClientPlan plan) {
        return new PlanSnapshot(plan, plans.content(plan.id()), plans.sessions(plan.id()));
    }
}
