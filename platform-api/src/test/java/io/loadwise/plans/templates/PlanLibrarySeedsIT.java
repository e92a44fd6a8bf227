package io.loadwise.plans.templates;

import static io.loadwise.jooq.Tables.EXERCISES;
import static io.loadwise.jooq.Tables.PLAN_TEMPLATES;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.exercises.DefaultExercises;
import io.loadwise.onboarding.SignedUpTenant;
import io.loadwise.onboarding.Signup;
import io.loadwise.onboarding.SignupService;
import io.loadwise.plans.StrengthSession;
import io.loadwise.plans.templates.internal.TemplateRepository;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A business that signs up starts with the platform's exercise library and reference templates,
 * and seeding again — or after the coaches changed things — adds and changes nothing.
 */
@IntegrationTest(keycloak = true)
class PlanLibrarySeedsIT {

    @Autowired
    SignupService signups;

    @Autowired
    PlanLibrarySeeds seeds;

    @Autowired
    TemplateRepository templates;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    <T> T inTenant(TenantId tenant, java.util.function.Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> tx.execute(status -> work.get()));
    }

    Map<String, UUID> exercisesByKey(TenantId tenant) {
        return inTenant(tenant, () -> db.select(EXERCISES.DEFAULT_KEY, EXERCISES.ID)
                .from(EXERCISES)
                .where(EXERCISES.DEFAULT_KEY.isNotNull())
                .fetchMap(Record2::value1, Record2::value2));
    }

    List<String> templateSnapshot(TenantId tenant) {
        return inTenant(tenant, () -> db.select(PLAN_TEMPLATES.DEFAULT_KEY, PLAN_TEMPLATES.VERSION, PLAN_TEMPLATES.ID)
                .from(PLAN_TEMPLATES)
                .orderBy(PLAN_TEMPLATES.DEFAULT_KEY)
                .fetch(r -> r.value1() + "/" + r.value2() + "/" + r.value3()));
    }

    @Test
    void a_business_that_signs_up_gets_the_default_exercises_and_templates_wired_to_them() {
        String slug = "seeded-" + UUID.randomUUID().toString().substring(0, 8);
        SignedUpTenant signedUp = signups.signUp(new Signup(
                "Seeded Running", slug, "Sally Seed", slug + "@owner.example", "EUR", "Europe/Berlin", "en"));
        TenantId tenant = signedUp.tenantId();

        Map<String, UUID> exercises = exercisesByKey(tenant);
        assertThat(exercises.keySet())
                .containsExactlyInAnyOrderElementsOf(DefaultExercises.ALL.stream()
                        .map(DefaultExercises.DefaultExercise::key)
                        .toList());
        List<PlanTemplate> seeded = inTenant(tenant, templates::list);
        assertThat(seeded)
                .extracting(PlanTemplate::name)
                .containsExactlyInAnyOrder(
                        "Hamstring tendinopathy — return to run (12 weeks)",
                        "Achilles tendinopathy — return to run (12 weeks)",
                        "Hamstring tendinopathy — masters & menopause (12 weeks)",
                        "Coaching onboarding (2 weeks)");
        Set<UUID> referenced =
                seeded.stream().flatMap(t -> referencedExercises(t).stream()).collect(Collectors.toSet());
        assertThat(referenced).hasSizeGreaterThan(15);
        assertThat(new HashSet<>(exercises.values())).containsAll(referenced);
        assertThat(inTenant(tenant, () -> seeds.onboardingTemplate())).isPresent();
    }

    @Test
    void seeding_twice_changes_nothing_and_leaves_what_the_coaches_did_alone() {
        TenantId tenant = TestTenants.create("Twice Seeded").id();
        assertThat(inTenant(tenant, seeds::seedDefaults)).isEqualTo(4);
        Map<String, UUID> exercises = exercisesByKey(tenant);
        List<String> templatesBefore = templateSnapshot(tenant);

        // The coaches archive a default exercise and a default template: seeding must not bring them back.
        TestTenants.seed(tenant, tenantDb -> {
            tenantDb.update(EXERCISES)
                    .set(EXERCISES.ARCHIVED_AT, OffsetDateTime.now())
                    .where(EXERCISES.DEFAULT_KEY.eq("pogo-hops"))
                    .execute();
            tenantDb.update(PLAN_TEMPLATES)
                    .set(PLAN_TEMPLATES.ARCHIVED_AT, OffsetDateTime.now())
                    .where(PLAN_TEMPLATES.DEFAULT_KEY.eq(DefaultTemplates.ONBOARDING_KEY))
                    .execute();
        });

        assertThat(inTenant(tenant, seeds::seedDefaults)).isZero();

        assertThat(exercisesByKey(tenant)).isEqualTo(exercises);
        assertThat(templateSnapshot(tenant)).isEqualTo(templatesBefore);
        int activeExercises = inTenant(tenant, () -> db.fetchCount(EXERCISES, EXERCISES.ARCHIVED_AT.isNull()));
        assertThat(activeExercises).isEqualTo(DefaultExercises.ALL.size() - 1);
        assertThat(inTenant(tenant, () -> seeds.onboardingTemplate())).isEmpty();
    }

    static Set<UUID> referencedExercises(PlanTemplate template) {
        return template.content().phases().stream()
                .flatMap(p -> p.weeks().stream())
                .flatMap(w -> w.sessions().stream())
                .filter(s -> s.spec() instanceof StrengthSession)
                .flatMap(s -> ((StrengthSession) s.spec()).exercises().stream())
                .map(d -> d.exerciseId())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }
}
