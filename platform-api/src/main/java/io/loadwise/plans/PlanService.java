package io.loadwise.plans;

import io.loadwise.identity.CurrentUsers;
import io.loadwise.plans.internal.CoachTaskRepository;
import io.loadwise.plans.internal.PlanPeople;
import io.loadwise.plans.internal.PlanSettingsRepository;
import io.loadwise.plans.templates.PlanTemplate;
import io.loadwise.plans.templates.internal.TemplateRepository;
import io.loadwise.roster.ClientAccess;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plans' application service for people: coaches assign a template to a client and edit the
 * dated plan session by session; clients read today, a week and their plan. Every change is a
 * revision through {@link PlanStore}, based on the revision the coach looked at (the ETag), so an
 * edit never silently overwrites what the plan engine or another coach did meanwhile.
 *
 * <p>A client that is not visible to the caller — another coach's, another tenant's — and any
 * session that is not in that client's plan are reported as not found.
 */
@Service
public class PlanService {

    /** How far back a plan may start: a coach may record a plan the client already began. */
    public static final int MAX_DAYS_IN_PAST = 28;

    public static final int MAX_DAYS_AHEAD = 365;
    public static final int MAX_NAME = 160;

    private final PlanStore store;
    private final TemplateRepository templates;
    private final ClientAccess access;
    private final PlanPeople people;
    private final PlanSettingsRepository settings;
    private final CoachTaskRepository tasks;
    private final TenantDirectory tenants;
    private final Clock clock;

    PlanService(
            PlanStore store,
            TemplateRepository templates,
            ClientAccess access,
            PlanPeople people,
            PlanSettingsRepository settings,
            CoachTaskRepository tasks,
            TenantDirectory tenants,
            Clock clock) {
        this.store = store;
        this.templates = templates;
        this.access = access;
        this.people = people;
        this.settings = settings;
        this.tasks = tasks;
        this.tenants = tenants;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- coaches

    /** The templates a coach can assign, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public List<PlanTemplate> assignableTemplates() {
        TenantContext.require();
        return templates.list();
    }

    /**
     * Assigns a template to a client: a dated plan from {@code start}, active at once.
     *
     * @param name the plan's name; null or blank: the template's
     * @throws IllegalArgumentException when the start is more than {@value #MAX_DAYS_IN_PAST} days
     *     ago or more than {@value #MAX_DAYS_AHEAD} days ahead (in the business's time zone)
     * @throws ClientHasPlanException when the client already has an active or paused plan
     * @throws NotFoundException when the client is not visible or the template does not exist
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public PlanOverview assign(ClientId client, TemplateId templateId, LocalDate start, @Nullable String name) {
        access.requireVisible(client);
        PlanTemplate template = templates
                .find(templateId)
                .filter(t -> !t.archived())
                .orElseThrow(() -> new NotFoundException("template", templateId));
        LocalDate today = todayInBusiness();
        if (start.isBefore(today.minusDays(MAX_DAYS_IN_PAST))) {
            throw new IllegalArgumentException("A plan may start at most " + MAX_DAYS_IN_PAST + " days ago (on "
                    + today.minusDays(MAX_DAYS_IN_PAST) + " or later); " + start + " is earlier.");
        }
        if (start.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw new IllegalArgumentException("A plan may start at most " + MAX_DAYS_AHEAD + " days ahead (on "
                    + today.plusDays(MAX_DAYS_AHEAD) + " or earlier); " + start + " is later.");
        }
        String planName = name == null || name.isBlank() ? template.name() : name.strip();
        if (planName.length() > MAX_NAME) {
            throw new IllegalArgumentException("A plan's name has at most " + MAX_NAME + " characters.");
        }
        Optional<PlanSnapshot> current = store.current(client);
        if (current.isPresent()) {
            throw new ClientHasPlanException(current.get().plan());
        }
        UUID me = me();
        PlanSnapshot plan = store.create(
                client,
                template.id(),
                planName,
                template.content(),
                start,
                PlanStatus.ACTIVE,
                RevisionSource.COACH,
                "Assigned \"" + template.name() + "\" starting " + start + ".",
                me);
        return overview(plan);
    }

    /**
     * The plan the coach works on: the client's active or paused plan, else their newest draft (a
     * custom plan bought and not started yet). Clients never see drafts.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public Optional<PlanOverview> currentPlan(ClientId client) {
        access.requireVisible(client);
        return working(client).map(this::overview);
    }

    /**
     * Starts a draft plan (the custom plan the coach built): it becomes the client's active plan.
     *
     * @throws ClientHasPlanException when the client already follows another plan
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public PlanOverview activate(ClientId client, int basedOnRevision, @Nullable String reason) {
        return revise(client, basedOnRevision, plan -> {
            if (plan.plan().status() != PlanStatus.DRAFT) {
                throw new IllegalArgumentException("Only a draft plan can be started; this one is "
                        + plan.plan().status().code() + ".");
            }
            store.current(client).ifPresent(current -> {
                throw new ClientHasPlanException(current.plan());
            });
            return statusChange(plan, basedOnRevision, RevisionKind.COACH_EDIT, PlanStatus.ACTIVE, reason, "started");
        });
    }

    /** Every plan the client has had, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('COACH', 'CLIENT')")
    public List<ClientPlan> history(ClientId client) {
        access.requireVisible(client);
        return store.plansOf(client);
    }

    /**
     * Changes a session's prescription (a {@link RevisionKind#COACH_EDIT}).
     *
     * @param basedOnRevision the plan revision the coach edited (If-Match)
     * @param reason why, shown to the client next to the session; null or blank: a default naming the coach
     * @throws PlanChangedException when the plan moved past {@code basedOnRevision} (nothing changed)
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public PlanOverview editSession(
            ClientId client, PlanSessionId session, int basedOnRevision, SessionSpec spec, @Nullable String reason) {
        SessionSpecRules.check(spec);
        return revise(client, basedOnRevision, plan -> {
            PlanSession existing = sessionOf(plan, session);
            return coachEdit(
                    plan,
                    basedOnRevision,
                    reason,
                    "changed " + existing.spec().title(),
                    List.of(SessionChange.changed(existing, spec)));
        });
    }

    /**
     * Adds a session on a date of the plan.
     *
     * @throws IllegalArgumentException when the date is outside the plan
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public PlanOverview addSession(
            ClientId client, int basedOnRevision, LocalDate date, SessionSpec spec, @Nullable String reason) {
        SessionSpecRules.check(spec);
        return revise(client, basedOnRevision, plan -> {
            requireWithin(plan.plan(), date);
            return coachEdit(
                    plan,
                    basedOnRevision,
                    reason,
                    "added " + spec.title(),
                    List.of(SessionChange.added(date, phaseOn(plan, date), spec)));
        });
    }

    /** Cancels a session; it stays in the plan, marked cancelled, with the reason. */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public PlanOverview cancelSession(
            ClientId client, PlanSessionId session, int basedOnRevision, @Nullable String reason) {
        return revise(client, basedOnRevision, plan -> {
            PlanSession existing = sessionOf(plan, session);
            return coachEdit(
                    plan,
                    basedOnRevision,
                    reason,
                    "cancelled " + existing.spec().title(),
                    List.of(SessionChange.cancelled(existing)));
        });
    }

    /** Moves a session to another date of the plan: cancelled there, added here, in one revision. */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public PlanOverview moveSession(
            ClientId client, PlanSessionId session, int basedOnRevision, LocalDate to, @Nullable String reason) {
        return revise(client, basedOnRevision, plan -> {
            PlanSession existing = sessionOf(plan, session);
            requireWithin(plan.plan(), to);
            if (existing.date().equals(to)) {
                throw new IllegalArgumentException("The session is already on " + to + ".");
            }
            return coachEdit(
                    plan,
                    basedOnRevision,
                    reason,
                    "moved " + existing.spec().title() + " from " + existing.date() + " to " + to,
                    List.of(
                            SessionChange.cancelled(existing),
                            SessionChange.added(to, existing.phaseKey(), existing.spec())));
        });
    }

    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public PlanOverview pause(ClientId client, int basedOnRevision, @Nullable String reason) {
        return revise(client, basedOnRevision, plan -> {
            if (plan.plan().status() != PlanStatus.ACTIVE) {
                throw new IllegalArgumentException("Only an active plan can be paused; this one is "
                        + plan.plan().status().code() + ".");
            }
            return statusChange(plan, basedOnRevision, RevisionKind.PAUSED, PlanStatus.PAUSED, reason, "paused");
        });
    }

    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public PlanOverview resume(ClientId client, int basedOnRevision, @Nullable String reason) {
        return revise(client, basedOnRevision, plan -> {
            if (plan.plan().status() != PlanStatus.PAUSED) {
                throw new IllegalArgumentException("Only a paused plan can be resumed; this one is "
                        + plan.plan().status().code() + ".");
            }
            return statusChange(plan, basedOnRevision, RevisionKind.RESUMED, PlanStatus.ACTIVE, reason, "resumed");
        });
    }

    /** Ends the client's current plan, so that another can be assigned; its history is kept. */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public PlanOverview endPlan(ClientId client, int basedOnRevision, @Nullable String reason) {
        return revise(
                client,
                basedOnRevision,
                plan -> statusChange(
                        plan, basedOnRevision, RevisionKind.COACH_EDIT, PlanStatus.ENDED, reason, "ended"));
    }

    /**
     * Sets the client's usual next-morning pain (0-10) on the current plan; the plan engine dials
     * back when a morning is above it. Null: the engine derives it from recent check-ins.
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public PlanOverview setBaseline(ClientId client, @Nullable Integer baselineMorningPain) {
        if (baselineMorningPain != null && (baselineMorningPain < 0 || baselineMorningPain > 10)) {
            throw new IllegalArgumentException(
                    "The baseline next-morning pain is 0 to 10, was " + baselineMorningPain + ".");
        }
        PlanSnapshot plan = working(access.requireVisible(client))
                .orElseThrow(() -> new NotFoundException("plan", "current of client " + client));
        settings.setBaseline(plan.plan().id(), baselineMorningPain);
        return overview(store.snapshot(plan.plan().id()).orElseThrow());
    }

    /** Open coach tasks: of the caller's clients, or all of them for the business owner. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public List<CoachTask> openTasks() {
        TenantContext.require();
        return tasks.open(access.currentUserIsOwner() ? null : me());
    }

    /** Marks a task done; a task of a client the caller cannot see is not found. */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public CoachTask completeTask(UUID task) {
        TenantContext.require();
        CoachTask found = tasks.find(task)
                .filter(t -> access.canSee(t.clientId()))
                .orElseThrow(() -> new NotFoundException("task", task));
        tasks.markDone(found.id());
        return tasks.find(task).orElseThrow();
    }

    // ---------------------------------------------------------------- clients

    /** The signed-in client's current plan with its revisions and their reasons. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public Optional<PlanOverview> myPlan() {
        return store.current(ownClient()).map(this::overview);
    }

    /** Today's sessions of the signed-in client, today being the date in the business's time zone. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public Optional<PlanDays> myToday() {
        LocalDate today = todayInBusiness();
        return store.current(ownClient()).map(plan -> days(plan, today, today));
    }

    /** The Monday-to-Sunday week containing {@code date} (null: this week) of the signed-in client. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('CLIENT')")
    public Optional<PlanDays> myWeek(@Nullable LocalDate date) {
        LocalDate monday =
                (date == null ? todayInBusiness() : date).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return store.current(ownClient()).map(plan -> days(plan, monday, monday.plusDays(6)));
    }

    /** Today in the business's time zone: what "today" means for its clients. */
    @Transactional(readOnly = true)
    public LocalDate todayInBusiness() {
        return LocalDate.now(clock.withZone(zone()));
    }

    // ---------------------------------------------------------------- helpers

    private PlanOverview revise(ClientId client, int basedOnRevision, Function<PlanSnapshot, RevisionRequest> change) {
        access.requireVisible(client);
        PlanSnapshot plan =
                working(client).orElseThrow(() -> new NotFoundException("plan", "current of client " + client));
        if (plan.plan().revision() != basedOnRevision) {
            throw changed(plan.plan(), basedOnRevision);
        }
        RevisionRequest request = change.apply(plan);
        try {
            store.revise(request);
        } catch (PlanChangedException e) {
            throw e;
        } catch (StaleVersionException e) {
            // Another writer (the engine, another coach) revised it between our read and the lock.
            throw changed(store.snapshot(plan.plan().id()).orElseThrow().plan(), basedOnRevision);
        }
        return overview(store.snapshot(plan.plan().id()).orElseThrow());
    }

    private PlanChangedException changed(ClientPlan plan, int expected) {
        PlanRevision latest = store.revision(plan.id(), plan.revision()).orElseThrow();
        return new PlanChangedException(expected, latest, madeBy(latest, names(List.of(latest))));
    }

    private RevisionRequest coachEdit(
            PlanSnapshot plan, int basedOn, @Nullable String reason, String what, List<SessionChange> changes) {
        return new RevisionRequest(
                plan.plan().id(),
                basedOn,
                RevisionKind.COACH_EDIT,
                RevisionSource.COACH,
                reasonOr(reason, "Your coach " + what + "."),
                changes,
                null,
                null,
                null,
                me());
    }

    private RevisionRequest statusChange(
            PlanSnapshot plan,
            int basedOn,
            RevisionKind kind,
            PlanStatus status,
            @Nullable String reason,
            String what) {
        return new RevisionRequest(
                plan.plan().id(),
                basedOn,
                kind,
                RevisionSource.COACH,
                reasonOr(reason, "Your coach " + what + " the plan."),
                List.of(),
                null,
                status,
                null,
                me());
    }

    private static String reasonOr(@Nullable String reason, String fallback) {
        return reason == null || reason.isBlank() ? fallback : reason.strip();
    }

    private static PlanSession sessionOf(PlanSnapshot plan, PlanSessionId session) {
        return plan.session(session).orElseThrow(() -> new NotFoundException("session", session));
    }

    private static void requireWithin(ClientPlan plan, LocalDate date) {
        if (date.isBefore(plan.startDate()) || date.isAfter(plan.endDate())) {
            throw new IllegalArgumentException(
                    "The date " + date + " is outside the plan (" + plan.startDate() + " to " + plan.endDate() + ").");
        }
    }

    /** The phase of the plan's sessions around a date: that of the nearest session on or before it. */
    private static String phaseOn(PlanSnapshot plan, LocalDate date) {
        String phase = plan.plan().currentPhase();
        for (PlanSession s : plan.sessions()) {
            if (s.date().isAfter(date)) {
                break;
            }
            phase = s.phaseKey();
        }
        return phase;
    }

    private Optional<PlanSnapshot> working(ClientId client) {
        return store.current(client).or(() -> store.plansOf(client).stream()
                .filter(p -> p.status() == PlanStatus.DRAFT)
                .findFirst()
                .flatMap(p -> store.snapshot(p.id())));
    }

    private PlanDays days(PlanSnapshot plan, LocalDate from, LocalDate to) {
        List<PlanDays.Day> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(new PlanDays.Day(d, plan.sessionsBetween(d, d)));
        }
        String phaseKey = plan.sessionsBetween(from, to).stream()
                .map(PlanSession::phaseKey)
                .findFirst()
                .orElse(plan.plan().currentPhase());
        return new PlanDays(
                plan.plan().id(),
                plan.plan().name(),
                plan.plan().status(),
                phaseName(plan.content(), phaseKey),
                from,
                days);
    }

    PlanOverview overview(PlanSnapshot plan) {
        ClientPlan p = plan.plan();
        int weeks = (int) (ChronoUnit.DAYS.between(p.startDate(), p.endDate()) / 7) + 1;
        List<PlanOverview.PlanWeek> byWeek = new ArrayList<>();
        for (int n = 1; n <= weeks; n++) {
            LocalDate start = p.startDate().plusWeeks(n - 1);
            List<PlanSession> sessions = plan.sessionsBetween(start, start.plusDays(6));
            String phase = sessions.isEmpty()
                    ? ""
                    : phaseName(plan.content(), sessions.getFirst().phaseKey());
            byWeek.add(new PlanOverview.PlanWeek(n, start, phase, sessions));
        }
        List<PlanRevision> revisions = store.revisions(p.id());
        Map<UUID, String> names = names(revisions);
        return new PlanOverview(
                p,
                phaseName(plan.content(), p.currentPhase()),
                byWeek,
                revisions.stream()
                        .map(r -> new PlanOverview.RevisionEntry(r, madeBy(r, names)))
                        .toList());
    }

    private Map<UUID, String> names(List<PlanRevision> revisions) {
        Set<UUID> ids = new HashSet<>();
        revisions.stream().map(PlanRevision::createdBy).filter(id -> id != null).forEach(ids::add);
        return people.memberNames(ids);
    }

    private static String madeBy(PlanRevision revision, Map<UUID, String> names) {
        return switch (revision.source()) {
            case ENGINE -> "the plan engine";
            case BILLING -> "billing";
            case COACH, CLIENT -> {
                String name = revision.createdBy() == null ? null : names.get(revision.createdBy());
                yield name != null ? name : revision.source() == RevisionSource.COACH ? "a coach" : "the client";
            }
        };
    }

    private static String phaseName(TemplateContent content, String key) {
        return content.phase(key).map(Phase::name).orElse(key);
    }

    private UUID me() {
        TenantContext.require();
        return people.memberOfUser(CurrentUsers.require().userId())
                .orElseThrow(() -> new NotFoundException("member", "of the signed-in user"));
    }

    private ClientId ownClient() {
        return access.ownClient().orElseThrow(() -> new NotFoundException("client", "of the signed-in user"));
    }

    private ZoneId zone() {
        return TenantContext.current()
                .flatMap(tenants::findById)
                .map(t -> ZoneId.of(t.timeZone()))
                .orElse(ZoneOffset.UTC);
    }

    /** Checks people's session prescriptions before they reach a client's plan. */
    static final class SessionSpecRules {

        private SessionSpecRules() {}

        static void check(SessionSpec spec) {
            if (spec.title() == null || spec.title().isBlank()) {
                throw new IllegalArgumentException("A session needs a title.");
            }
            if (spec.title().length() > SessionSpec.MAX_TITLE) {
                throw new IllegalArgumentException(
                        "A session's title has at most " + SessionSpec.MAX_TITLE + " characters.");
            }
            if (spec.notes().length() > SessionSpec.MAX_NOTES) {
                throw new IllegalArgumentException(
                        "A session's notes have at most " + SessionSpec.MAX_NOTES + " characters.");
            }
            switch (spec) {
                case RunSession run -> {
                    if (run.type() == null || run.intensity() == null) {
                        throw new IllegalArgumentException("A run needs a type and an intensity.");
                    }
                    if (run.durationMinutes() == null && run.distanceKm() == null) {
                        throw new IllegalArgumentException("A run needs a duration or a distance.");
                    }
                    if (run.durationMinutes() != null && (run.durationMinutes() < 1 || run.durationMinutes() > 600)) {
                        throw new IllegalArgumentException("A run lasts 1 to 600 minutes.");
                    }
                    if (run.distanceKm() != null
                            && (run.distanceKm().signum() <= 0
                                    || run.distanceKm().compareTo(BigDecimal.valueOf(200)) > 0)) {
                        throw new IllegalArgumentException("A run's distance is more than 0 and at most 200 km.");
                    }
                }
                case StrengthSession strength -> {
                    if (strength.exercises().isEmpty()) {
                        throw new IllegalArgumentException("A strength session needs at least one exercise.");
                    }
                    for (ExerciseDose dose : strength.exercises()) {
                        if (dose.name() == null || dose.name().isBlank() || dose.sets() < 1 || dose.sets() > 20) {
                            throw new IllegalArgumentException("Each exercise needs a name and 1 to 20 sets.");
                        }
                        if (dose.reps() == null && dose.holdSeconds() == null) {
                            throw new IllegalArgumentException(
                                    "Exercise \"" + dose.name() + "\" needs reps or a hold time.");
                        }
                    }
                }
                case CrossTrainingSession cross -> {
                    if (cross.mode() == null || cross.intensity() == null) {
                        throw new IllegalArgumentException("Cross-training needs a mode and an intensity.");
                    }
                    if (cross.durationMinutes() < 1 || cross.durationMinutes() > 600) {
                        throw new IllegalArgumentException("Cross-training lasts 1 to 600 minutes.");
                    }
                }
                case RecoverySession recovery -> {
                    if (recovery.durationMinutes() != null
                            && (recovery.durationMinutes() < 1 || recovery.durationMinutes() > 600)) {
                        throw new IllegalArgumentException("A recovery session lasts 1 to 600 minutes.");
                    }
                }
            }
        }
    }
}
