package io.loadwise.checkins;

import io.loadwise.checkins.charts.LoadChart;
import io.loadwise.checkins.charts.PainChart;
import io.loadwise.checkins.internal.CheckInRepository;
import io.loadwise.checkins.internal.SessionLogValues;
import io.loadwise.plans.ClientPlan;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.SessionStatus;
import io.loadwise.roster.ClientAccess;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Ids;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-ins' application service: the signed-in client logs the sessions of their current plan and
 * records symptom check-ins; the client and their coaches read both, as lists and as charts.
 *
 * <p>"Today" is the business's day, in its time zone: a client in Berlin logging at 00:30 logs
 * for the day that just began there, whatever the server's clock zone.
 */
@Service
public class CheckInService {

    /** The default period of lists and charts: the last eight weeks. */
    public static final int DEFAULT_PERIOD_DAYS = 56;

    /** How many days back the "to log" list reaches: missed logs are usually caught up within a week. */
    public static final int LOGGABLE_DAYS_BACK = 7;

    private final CheckInRepository repository;
    private final PlanStore plans;
    private final ClientAccess access;
    private final TenantDirectory tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CheckInService(
            CheckInRepository repository,
            PlanStore plans,
            ClientAccess access,
            TenantDirectory tenants,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.plans = plans;
        this.access = access;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Logs a session of the signed-in client's current plan, or changes its log. Records the
     * outcome on the plan's session and publishes {@link SessionLogged}.
     *
     * @param expectedVersion the version of the existing log being changed; null for a first log
     * @throws NotFoundException when the session is unknown or another client's
     * @throws IllegalArgumentException when the session is in the future, cancelled, not of the
     *     current plan, or a value is out of range ({@link InvalidEntryException})
     * @throws LogVersionRequiredException when the session has a log and no version was given
     * @throws StaleVersionException when the log has changed since {@code expectedVersion}
     */
    @Transactional
    @PreAuthorize("hasRole('CLIENT')")
    public SessionLog logMySession(PlanSessionId sessionId, @Nullable Integer expectedVersion, SessionLogEntry entry) {
        ClientId me = ownClient();
        PlanSession session = plans.clientOf(sessionId)
                .filter(me::equals)
                .flatMap(client -> plans.session(sessionId))
                .orElseThrow(() -> new NotFoundException("session", sessionId));
        ClientPlan current = plans.current(me)
                .map(PlanSnapshot::plan)
                .filter(plan -> plan.id().equals(session.planId()))
                .orElseThrow(() -> new IllegalArgumentException(
                        "The session of " + session.date() + " is not part of your current plan."));
        if (session.date().isAfter(today())) {
            throw new IllegalArgumentException(
                    "You can't log a session before its day: this one is planned for " + session.date() + ".");
        }
        if (session.status() == SessionStatus.CANCELLED) {
            throw new IllegalArgumentException("The session of " + session.date()
                    + " was cancelled" + (session.changeReason() == null ? "" : " (" + session.changeReason() + ")")
                    + "; there is nothing to log.");
        }
        SessionLogValues values = CheckInRules.log(entry);
        Instant now = clock.instant();
        Optional<SessionLog> existing = repository.logOfSession(sessionId);
        UUID logId;
        if (existing.isPresent()) {
            SessionLog log = existing.get();
            if (expectedVersion == null) {
                throw new LogVersionRequiredException(log);
            }
            if (!repository.updateLog(log.id(), expectedVersion, values, now)) {
                throw new StaleVersionException("session log", expectedVersion, log.version());
            }
            logId = log.id();
        } else {
            if (expectedVersion != null) {
                // Someone asked to change a log that is gone (or never was): say so rather than create one.
                throw new StaleVersionException("session log", expectedVersion, -1);
            }
            logId = Ids.newId(clock);
            repository.insertLog(logId, me, current.id(), sessionId, values, now);
        }
        plans.recordOutcome(sessionId, values.outcome().sessionStatus());
        events.publishEvent(new SessionLogged(
                Ids.newId(clock), tenant(), me, current.id(), sessionId, logId, values.outcome(), now));
        return repository.logOfSession(sessionId).orElseThrow();
    }

    /** The signed-in client's session logs of sessions planned {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public List<SessionLog> mySessionLogs(@Nullable LocalDate from, @Nullable LocalDate to) {
        Period period = period(from, to);
        return repository.logs(ownClient(), period.from(), period.to());
    }

    /** A visible client's session logs, for their coaches; 404 for clients not visible to the caller. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public List<SessionLog> sessionLogs(ClientId client, @Nullable LocalDate from, @Nullable LocalDate to) {
        access.requireVisible(client);
        Period period = period(from, to);
        return repository.logs(client, period.from(), period.to());
    }

    /**
     * The sessions of the signed-in client's current plan from {@value #LOGGABLE_DAYS_BACK} days
     * ago to today (cancelled ones aside), with their logs: what the check-in page offers to log.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public List<LoggableSession> mySessionsToLog() {
        ClientId me = ownClient();
        LocalDate today = today();
        List<PlanSession> sessions = plans
                .current(me)
                .map(plan -> plan.sessionsBetween(today.minusDays(LOGGABLE_DAYS_BACK), today))
                .orElse(List.of())
                .stream()
                .filter(s -> s.status() != SessionStatus.CANCELLED)
                .toList();
        Map<PlanSessionId, SessionLog> logs =
                repository.logsOfSessions(sessions.stream().map(PlanSession::id).toList());
        return sessions.stream()
                .map(s -> new LoggableSession(s, logs.get(s.id())))
                .toList();
    }

    /**
     * Records a symptom check-in of the signed-in client and publishes {@link CheckInRecorded}.
     *
     * @throws IllegalArgumentException for values out of range, no value at all, or a date in the
     *     future, more than {@value CheckInRules#MAX_DAYS_BACK} days back or before the plan started
     * @throws NotFoundException when the session named is unknown or another client's
     */
    @Transactional
    @PreAuthorize("hasRole('CLIENT')")
    public CheckIn recordMyCheckIn(CheckInEntry entry) {
        ClientId me = ownClient();
        CheckInEntry valid = CheckInRules.checkIn(entry);
        Optional<ClientPlan> plan = plans.current(me).map(PlanSnapshot::plan);
        LocalDate date = CheckInRules.checkInDate(
                valid.date(), today(), plan.map(ClientPlan::startDate).orElse(null));
        if (valid.session() != null
                && !plans.clientOf(valid.session()).filter(me::equals).isPresent()) {
            throw new NotFoundException("session", valid.session());
        }
        Instant now = clock.instant();
        CheckIn checkIn = new CheckIn(
                Ids.newId(clock),
                me,
                plan.map(ClientPlan::id).orElse(null),
                valid.session(),
                date,
                valid.painDuring(),
                valid.morningPain(),
                valid.morningStiffness(),
                valid.painAfterSitting(),
                valid.sleepHours(),
                valid.notes() == null ? "" : valid.notes(),
                now);
        repository.insertCheckIn(checkIn);
        events.publishEvent(
                new CheckInRecorded(Ids.newId(clock), tenant(), me, checkIn.id(), checkIn.planId(), date, now));
        return checkIn;
    }

    /** The signed-in client's check-ins dated {@code from} to {@code to} (default: the last eight weeks). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public List<CheckIn> myCheckIns(@Nullable LocalDate from, @Nullable LocalDate to) {
        Period period = period(from, to);
        return repository.checkIns(ownClient(), period.from(), period.to());
    }

    /** A visible client's check-ins, for their coaches; 404 for clients not visible to the caller. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public List<CheckIn> checkIns(ClientId client, @Nullable LocalDate from, @Nullable LocalDate to) {
        access.requireVisible(client);
        Period period = period(from, to);
        return repository.checkIns(client, period.from(), period.to());
    }

    /** The signed-in client's pain chart as an SVG document. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public String myPainChart(@Nullable LocalDate from, @Nullable LocalDate to) {
        return painChart(ownClient(), period(from, to));
    }

    /** The signed-in client's load chart as an SVG document. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public String myLoadChart(@Nullable LocalDate from, @Nullable LocalDate to) {
        return loadChart(ownClient(), period(from, to));
    }

    /** A visible client's pain chart, for their coaches. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public String painChart(ClientId client, @Nullable LocalDate from, @Nullable LocalDate to) {
        access.requireVisible(client);
        return painChart(client, period(from, to));
    }

    /** A visible client's load chart, for their coaches. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public String loadChart(ClientId client, @Nullable LocalDate from, @Nullable LocalDate to) {
        access.requireVisible(client);
        return loadChart(client, period(from, to));
    }

    private String painChart(ClientId client, Period period) {
        Integer baseline = plans.current(client)
                .map(PlanSnapshot::plan)
                .map(ClientPlan::baselineMorningPain)
                .orElse(null);
        return PainChart.render(
                period.from(), period.to(), repository.checkIns(client, period.from(), period.to()), baseline);
    }

    private String loadChart(ClientId client, Period period) {
        List<PlanSession> sessions = plans.current(client)
                .map(plan -> plan.sessionsBetween(period.from(), period.to()))
                .orElse(List.of());
        List<SessionLog> logs = repository.logs(client, period.from(), period.to());
        return LoadChart.render(
                period.from(), period.to(), LoadChart.weeks(period.from(), period.to(), sessions, logs));
    }

    /** Today in the business's time zone. */
    @Transactional(readOnly = true)
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    private ZoneId zone() {
        return tenants.findById(TenantContext.require())
                .map(Tenant::timeZone)
                .flatMap(CheckInService::zoneOf)
                .orElse(ZoneOffset.UTC);
    }

    private static Optional<ZoneId> zoneOf(String zone) {
        try {
            return Optional.of(ZoneId.of(zone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private Period period(@Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate end = to == null ? today() : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_PERIOD_DAYS - 1) : from;
        CheckInRules.period(start, end);
        return new Period(start, end);
    }

    private ClientId ownClient() {
        return access.ownClient().orElseThrow(() -> new NotFoundException("client", "of the signed-in user"));
    }

    private static TenantId tenant() {
        return TenantContext.require();
    }

    private record Period(LocalDate from, LocalDate to) {}
}
