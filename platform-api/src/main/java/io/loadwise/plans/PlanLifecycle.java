package io.loadwise.plans;

import io.loadwise.plans.internal.CoachTaskRepository;
import io.loadwise.plans.internal.PlanPeople;
import io.loadwise.plans.templates.PlanTemplate;
import io.loadwise.plans.templates.internal.TemplateRepository;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What billing does to plans — the seam the Commerce issue's event listeners call: a custom plan
 * bought, coaching started, coaching canceled. Each call is idempotent by its order or
 * subscription reference, because events are delivered at least once.
 *
 * <p>No person is signed in when these run (they react to billing events): the caller binds the
 * client's tenant, and this service checks no permissions. Revisions it makes have source
 * {@link RevisionSource#BILLING}.
 */
@Service
public class PlanLifecycle {

    static final String COACHING_ENDED = "Coaching subscription ended";

    private final PlanStore store;
    private final TemplateRepository templates;
    private final CoachTaskRepository tasks;
    private final PlanPeople people;
    private final TenantDirectory tenants;
    private final Clock clock;

    PlanLifecycle(
            PlanStore store,
            TemplateRepository templates,
            CoachTaskRepository tasks,
            PlanPeople people,
            TenantDirectory tenants,
            Clock clock) {
        this.store = store;
        this.templates = templates;
        this.tasks = tasks;
        this.people = people;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * A client bought a custom plan: a draft plan for the coach to build on (from the business's
     * onboarding template, else the first template for the client's condition) and an open task
     * "Build the custom plan for …" for their lead coach. A second call for the same order returns
     * the same task and creates nothing.
     *
     * @throws IllegalStateException when the business has no template to start the draft from
     */
    @Transactional
    public CoachTask customPlanBought(ClientId client, String orderRef) {
        requireRef(orderRef, "order");
        Optional<CoachTask> existing = tasks.bySource(CoachTask.BUILD_CUSTOM_PLAN, orderRef);
        if (existing.isPresent()) {
            return existing.get();
        }
        String name = people.clientName(client).orElseThrow(() -> new NotFoundException("client", client));
        PlanTemplate template = onboarding()
                .or(() -> forCondition(client))
                .orElseThrow(() -> new IllegalStateException("No template to start a custom plan for " + name
                        + " from: the business has neither an onboarding template nor one for the client's"
                        + " condition. Add a template, then create the plan by hand."));
        PlanSnapshot draft = store.create(
                client,
                template.id(),
                "Custom plan for " + name,
                template.content(),
                today(),
                PlanStatus.DRAFT,
                RevisionSource.BILLING,
                "Custom plan bought (order " + orderRef + "); drafted from \"" + template.name() + "\".",
                null);
        return tasks.insertOnce(
                client,
                people.leadCoach(client).orElse(null),
                CoachTask.BUILD_CUSTOM_PLAN,
                "Build the custom plan for " + name,
                draft.plan().id(),
                orderRef);
    }

    /**
     * Coaching started: the client gets the onboarding template from today, unless they already
     * follow a plan (then nothing happens, which also makes a redelivery harmless).
     *
     * @return the client's current plan afterwards; empty when there is none and the business has
     *     no onboarding template
     */
    @Transactional
    public Optional<ClientPlan> coachingStarted(ClientId client, String subscriptionRef) {
        requireRef(subscriptionRef, "subscription");
        people.clientName(client).orElseThrow(() -> new NotFoundException("client", client));
        Optional<PlanSnapshot> current = store.current(client);
        if (current.isPresent()) {
            return current.map(PlanSnapshot::plan);
        }
        return onboarding().map(template -> store.create(
                        client,
                        template.id(),
                        template.name(),
                        template.content(),
                        today(),
                        PlanStatus.ACTIVE,
                        RevisionSource.BILLING,
                        "Coaching started (subscription " + subscriptionRef + ").",
                        null)
                .plan());
    }

    /**
     * Coaching was canceled: the current plan is paused ("Coaching subscription ended"). Nothing
     * happens when there is no active plan — already paused, or none.
     */
    @Transactional
    public Optional<ClientPlan> coachingCanceled(ClientId client, String subscriptionRef) {
        requireRef(subscriptionRef, "subscription");
        Optional<PlanSnapshot> current = store.current(client);
        if (current.isEmpty() || current.get().plan().status() != PlanStatus.ACTIVE) {
            return current.map(PlanSnapshot::plan);
        }
        ClientPlan plan = current.get().plan();
        store.revise(new RevisionRequest(
                plan.id(),
                plan.revision(),
                RevisionKind.PAUSED,
                RevisionSource.BILLING,
                COACHING_ENDED,
                List.of(),
                null,
                PlanStatus.PAUSED,
                null,
                null));
        return store.snapshot(plan.id()).map(PlanSnapshot::plan);
    }

    private Optional<PlanTemplate> onboarding() {
        return templates.list().stream()
                .filter(t -> t.condition() == TemplateCondition.ONBOARDING)
                .findFirst();
    }

    private Optional<PlanTemplate> forCondition(ClientId client) {
        TemplateCondition condition = people.openInjuries(client).stream()
                .map(PlanLifecycle::conditionOf)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(TemplateCondition.GENERAL);
        return templates.list().stream()
                .filter(t -> t.condition() == condition)
                .min(Comparator.comparing(PlanTemplate::name));
    }

    /** The template condition an injury's free-text description names, e.g. "Proximal hamstring tendinopathy". */
    static Optional<TemplateCondition> conditionOf(String injury) {
        String text = injury.toLowerCase(Locale.ROOT);
        for (TemplateCondition condition :
                List.of(TemplateCondition.HAMSTRING, TemplateCondition.ACHILLES, TemplateCondition.PATELLAR)) {
            if (text.contains(condition.code())) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }

    private LocalDate today() {
        ZoneId zone = TenantContext.current()
                .flatMap(tenants::findById)
                .map(t -> ZoneId.of(t.timeZone()))
                .orElse(ZoneOffset.UTC);
        return LocalDate.now(clock.withZone(zone));
    }

    private static void requireRef(String ref, String what) {
        if (ref == null || ref.isBlank() || ref.length() > 100) {
            throw new IllegalArgumentException("A billing call needs the " + what + " reference (1-100 characters).");
        }
    }
}
