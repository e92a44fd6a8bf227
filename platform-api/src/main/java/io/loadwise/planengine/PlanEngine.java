package io.loadwise.planengine;

import io.loadwise.checkins.CheckIn;
import io.loadwise.checkins.CheckInHistory;
import io.loadwise.checkins.SessionLog;
import io.loadwise.planengine.internal.EngineQueries;
import io.loadwise.planengine.internal.EngineQueries.ActiveClient;
import io.loadwise.planengine.internal.EngineQueries.OverdueSession;
import io.loadwise.planengine.internal.ProposalRepository;
import io.loadwise.plans.PlanRevision;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.PlanStatus;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.RevisionKind;
import io.loadwise.plans.RevisionRequest;
import io.loadwise.plans.RevisionSource;
import io.loadwise.plans.SessionMissed;
import io.loadwise.plans.SessionStatus;
import io.loadwise.roster.ClientFlag;
import io.loadwise.roster.ClientFlags;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's work for one client or one tenant, always for the platform (no user): reads the
 * rules, the plan and the history, decides ({@link PlanEvaluator}), and applies the decision as a
 * revision (automatic mode) or a proposal (propose mode); keeps the roster's flags current.
 *
 * <p>Event handling joins the consumer's transaction (opened by {@code ProcessedEvents} under the
 * event's tenant), so the revision, the flags and the processed-event record commit together.
 */
@Service
public class PlanEngine {

    static final int PAIN_SPIKE_SEVERITY = 3;
    static final int MISSED_SEVERITY = 2;
    static final int NO_CHECK_IN_SEVERITY = 1;

    /** History read per evaluation: long enough for any progression window plus the baseline's 14 days. */
    private static final int HISTORY_DAYS = 12 * 7 + 14;

    private static final Logger log = LoggerFactory.getLogger(PlanEngine.class);

    private final PlanRulesService rules;
    private final PlanStore plans;
    private final CheckInHistory history;
    private final ClientFlags flags;
    private final ProposalRepository proposals;
    private final EngineQueries queries;
    private final TenantDirectory tenants;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PlanEngine(
            PlanRulesService rules,
            PlanStore plans,
            CheckInHistory history,
            ClientFlags flags,
            ProposalRepository proposals,
            EngineQueries queries,
            TenantDirectory tenants,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.rules = rules;
        this.plans = plans;
        this.history = history;
        this.flags = flags;
        this.proposals = proposals;
        this.queries = queries;
        this.tenants = tenants;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What handling an event did. */
    public enum Applied {
        NOTHING,
        REVISED,
        PROPOSED
    }

    /**
     * A client checked in: flags, then a possible dial-back or progression.
     *
     * @param eventId the event's id: the revision or proposal carries it, so redelivery changes nothing twice
     */
    @Transactional
    public Applied checkInRecorded(ClientId client, UUID checkInId, LocalDate date, UUID eventId) {
        EngineRules current = rules.current();
        LocalDate today = today();
        CheckIn checkIn = history.checkIns(client, date, date).stream()
                .filter(c -> c.id().equals(checkInId))
                .findFirst()
                .orElse(null);
        if (checkIn == null) {
            log.warn("Check-in {} of event {} is gone (erased?); nothing to evaluate", checkInId, eventId);
            return Applied.NOTHING;
        }
        painFlag(current, client, checkIn);
        if (!checkIn.date().isBefore(today.minusDays(current.flags().noCheckInDays()))) {
            flags.clear(client, ClientFlags.NO_CHECK_IN);
        }
        return evaluate(current, client, checkIn, eventId, today);
    }

    /** A session was logged or missed: only a progression can follow (symptoms come with check-ins). */
    @Transactional
    public Applied sessionOutcome(ClientId client, UUID eventId) {
        return evaluate(rules.current(), client, null, eventId, today());
    }

    private Applied evaluate(
            EngineRules current, ClientId client, @Nullable CheckIn checkIn, UUID eventId, LocalDate today) {
        Optional<PlanSnapshot> found =
                plans.current(client).filter(p -> p.plan().status() == PlanStatus.ACTIVE);
        if (found.isEmpty()) {
            return Applied.NOTHING;
        }
        PlanSnapshot plan = found.get();
        LocalDate from = today.minusDays(HISTORY_DAYS);
        LocalDate to = today.plusDays(1);
        List<CheckIn> checkIns = history.checkIns(client, from, to);
        List<SessionLog> logs = history.logs(client, from, to);
        Set<Integer> dialBacks = plans.revisions(plan.plan().id()).stream()
                .filter(r -> r.kind() == RevisionKind.DIAL_BACK)
                .map(PlanRevision::revision)
                .collect(Collectors.toSet());
        Decision decision =
                PlanEvaluator.evaluate(new EvaluationInput(current, plan, dialBacks, checkIns, logs, checkIn, today));
        if (!decision.changesPlan()) {
            log.debug("Plan {}: no change ({})", plan.plan().id(), decision.reason());
            return Applied.NOTHING;
        }
        if (current.modeValue() == EngineMode.AUTOMATIC) {
            PlanRevision revision = plans.revise(new RevisionRequest(
                    plan.plan().id(),
                    plan.plan().revision(),
                    decision.outcome().revisionKind(),
                    RevisionSource.ENGINE,
                    decision.reason(),
                    decision.changes(),
                    decision.newPhase(),
                    null,
                    eventId,
                    null));
            log.info(
                    "Plan {} revised to {} ({})",
                    plan.plan().id(),
                    revision.revision(),
                    revision.kind().code());
            return Applied.REVISED;
        }
        return propose(plan, decision, eventId);
    }

    private Applied propose(PlanSnapshot plan, Decision decision, UUID eventId) {
        Instant now = clock.instant();
        var proposal = new AdjustmentProposal(
                Ids.newId(clock),
                plan.plan().id(),
                plan.plan().clientId(),
                plan.plan().revision(),
                decision.outcome().revisionKind(),
                decision.reason(),
                decision.changes(),
                ProposalStatus.PENDING,
                eventId,
                now,
                null,
                null,
                null,
                null);
        if (!proposals.insert(proposal)) {
            return Applied.NOTHING; // this event proposed already
        }
        // The newest evaluation saw the latest check-ins: older proposals are out of date.
        proposals.supersedePending(plan.plan().id(), proposal.id(), now);
        events.publishEvent(new AdjustmentProposed(
                Ids.newId(clock),
                TenantContext.require(),
                plan.plan().clientId(),
                plan.plan().id(),
                proposal.id(),
                proposal.kind(),
                now));
        return Applied.PROPOSED;
    }

    private void painFlag(EngineRules current, ClientId client, CheckIn checkIn) {
        Integer worst = checkIn.worstPain();
        if (worst == null) {
            return;
        }
        if (worst > current.flags().painSpikeThreshold()) {
            flags.raise(
                    client,
                    ClientFlags.PAIN_SPIKE,
                    "Pain " + worst + "/10 on " + PlanEvaluator.DAY.format(checkIn.date()) + " (above "
                            + current.flags().painSpikeThreshold() + "/10)",
                    PAIN_SPIKE_SEVERITY,
                    clock.instant());
        } else if (worst
                <= Math.min(current.painZones().acceptableMax(), current.flags().painSpikeThreshold())) {
            flags.clear(client, ClientFlags.PAIN_SPIKE);
        }
    }

    /** What one tenant's sweep did. */
    public record SweepResult(int sessionsMissed, int flagsRaised, int flagsCleared) {}

    /**
     * The daily sweep of one tenant, in its own transaction under its tenant: planned sessions
     * whose day has passed (in the tenant's time zone) become missed, each with a {@link
     * SessionMissed} event; the missed-sessions and no-check-in flags are raised or cleared.
     * Running it again the same day changes nothing more.
     */
    public SweepResult sweep(TenantId tenant) {
        return TenantContext.callAs(tenant, () -> transaction.execute(status -> sweepInTransaction(tenant)));
    }

    private SweepResult sweepInTransaction(TenantId tenant) {
        EngineRules current = rules.current();
        LocalDate today = today();
        Instant now = clock.instant();
        int missed = 0;
        for (OverdueSession session : queries.overdueSessions(today)) {
            if (plans.recordOutcome(session.id(), SessionStatus.MISSED)) {
                events.publishEvent(new SessionMissed(
                        Ids.newId(clock),
                        tenant,
                        session.clientId(),
                        session.planId(),
                        session.id(),
                        session.date(),
                        now));
                missed++;
            }
        }
        int raised = 0;
        int cleared = 0;
        Map<ClientId, Integer> missedByClient = queries.missedCounts(today.minusDays(7), today.minusDays(1));
        Set<ClientId> active = new HashSet<>();
        for (ActiveClient client : queries.activeClients()) {
            active.add(client.clientId());
            int count = missedByClient.getOrDefault(client.clientId(), 0);
            if (count >= current.flags().missedSessions()) {
                flags.raise(
                        client.clientId(),
                        ClientFlags.MISSED_SESSIONS,
                        count + " session" + (count == 1 ? "" : "s") + " missed in the last 7 days",
                        MISSED_SEVERITY,
                        now);
                raised++;
            } else if (flags.clear(client.clientId(), ClientFlags.MISSED_SESSIONS)) {
                cleared++;
            }
            LocalDate since = client.lastCheckIn() != null ? client.lastCheckIn() : client.planStart();
            long days = ChronoUnit.DAYS.between(since, today);
            if (days >= current.flags().noCheckInDays()) {
                flags.raise(
                        client.clientId(),
                        ClientFlags.NO_CHECK_IN,
                        client.lastCheckIn() == null
                                ? "No check-in since the plan started " + days + " days ago"
                                : "No check-in for " + days + " days",
                        NO_CHECK_IN_SEVERITY,
                        now);
                raised++;
            } else if (flags.clear(client.clientId(), ClientFlags.NO_CHECK_IN)) {
                cleared++;
            }
        }
        // Without an active plan there is nothing to miss or check in for.
        for (Map.Entry<ClientId, List<ClientFlag>> entry : flags.all().entrySet()) {
            if (!active.contains(entry.getKey())) {
                for (ClientFlag flag : entry.getValue()) {
                    if (flag.kind().equals(ClientFlags.MISSED_SESSIONS)
                            || flag.kind().equals(ClientFlags.NO_CHECK_IN)) {
                        flags.clear(entry.getKey(), flag.kind());
                        cleared++;
                    }
                }
            }
        }
        return new SweepResult(missed, raised, cleared);
    }

    /** The tenant's today: the day its clients live in decides what "tomorrow" and "missed" mean. */
    public LocalDate today() {
        TenantId tenant = TenantContext.require();
        ZoneId zone = tenants.findById(tenant)
                .map(Tenant::timeZone)
                .map(PlanEngine::zone)
                .orElse(ZoneOffset.UTC);
        return LocalDate.now(clock.withZone(zone));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
