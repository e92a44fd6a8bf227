package io.loadwise.plans.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.exercises.DefaultExercises;
import io.loadwise.exercises.ExerciseCategory;
import io.loadwise.exercises.ExerciseDraft;
import io.loadwise.exercises.ExerciseId;
import io.loadwise.exercises.ExerciseRules;
import io.loadwise.plans.CrossTrainingSession;
import io.loadwise.plans.ExerciseDose;
import io.loadwise.plans.RecoverySession;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.SessionKind;
import io.loadwise.plans.StrengthSession;
import io.loadwise.plans.TemplateCondition;
import io.loadwise.plans.templates.DefaultTemplates.DefaultTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DefaultTemplatesTests {

    static final Map<String, ExerciseId> IDS = new HashMap<>();

    static {
        DefaultExercises.ALL.forEach(e -> IDS.put(e.key(), new ExerciseId(UUID.randomUUID())));
    }

    @Test
    void the_default_exercises_are_valid_cover_every_category_and_have_unique_keys_and_names() {
        assertThat(DefaultExercises.ALL).hasSizeGreaterThanOrEqualTo(24);
        assertThat(DefaultExercises.ALL.stream()
                        .map(DefaultExercises.DefaultExercise::category)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ExerciseCategory.values());
        assertThat(DefaultExercises.ALL)
                .extracting(DefaultExercises.DefaultExercise::key)
                .doesNotHaveDuplicates();
        assertThat(DefaultExercises.ALL).extracting(e -> e.name().toLowerCase()).doesNotHaveDuplicates();
        DefaultExercises.ALL.forEach(e -> assertThat(ExerciseRules.problems(
                        new ExerciseDraft(e.name(), e.category(), e.target(), e.dosage(), e.cues(), null)))
                .as(e.key())
                .isEmpty());
    }

    @Test
    void the_default_templates_pass_the_rules_and_have_their_lengths() {
        Map<String, DefaultTemplate> byKey =
                DefaultTemplates.all(IDS).stream().collect(Collectors.toMap(DefaultTemplate::key, t -> t));
        byKey.values().forEach(t -> assertThat(TemplateRules.problems(
                        new TemplateDraft(t.name(), t.description(), t.condition(), t.content())))
                .as(t.key())
                .isEmpty());
        assertThat(byKey.get(DefaultTemplates.HAMSTRING_KEY).content().totalWeeks())
                .isEqualTo(12);
        assertThat(byKey.get(DefaultTemplates.ACHILLES_KEY).content().totalWeeks())
                .isEqualTo(12);
        assertThat(byKey.get(DefaultTemplates.MASTERS_KEY).content().totalWeeks())
                .isEqualTo(12);
        assertThat(byKey.get(DefaultTemplates.ONBOARDING_KEY).content().totalWeeks())
                .isEqualTo(2);
        assertThat(byKey.get(DefaultTemplates.ONBOARDING_KEY).condition()).isEqualTo(TemplateCondition.ONBOARDING);
    }

    @Test
    void the_hamstring_template_follows_the_four_stages_with_every_kind_of_session() {
        DefaultTemplate hamstring = DefaultTemplates.all(IDS).getFirst();
        assertThat(hamstring.content().phases())
                .extracting(p -> p.key())
                .containsExactly("isometrics", "isotonic", "heavy-strength", "energy-storage", "return-to-speed");
        Set<SessionKind> kinds = hamstring.content().phases().stream()
                .flatMap(p -> p.weeks().stream())
                .flatMap(w -> w.sessions().stream())
                .map(s -> s.spec().kind())
                .collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder(SessionKind.values());
        assertThat(hamstring.content().phases().getFirst().goal()).contains("no deep hip flexion");
        // No speed work before the last phase.
        assertThat(hamstring.content().phases().subList(0, 4).stream()
                        .flatMap(p -> p.weeks().stream())
                        .flatMap(w -> w.sessions().stream())
                        .filter(s ->
                                s.spec() instanceof RunSession run && run.type() == io.loadwise.plans.RunType.SPEED))
                .isEmpty();
        assertThat(hamstring.content().phases().stream()
                        .flatMap(p -> p.weeks().stream())
                        .flatMap(w -> w.sessions().stream())
                        .anyMatch(s -> s.spec() instanceof CrossTrainingSession))
                .isTrue();
        assertThat(hamstring.content().phases().stream()
                        .flatMap(p -> p.weeks().stream())
                        .flatMap(w -> w.sessions().stream())
                        .filter(s -> s.spec() instanceof RecoverySession)
                        .map(s -> (RecoverySession) s.spec())
                        .allMatch(r -> r.habits().stream().anyMatch(h -> h.contains("protein"))))
                .isTrue();
    }

    @Test
    void strength_sessions_name_the_business_copies_of_the_exercises() {
        Set<UUID> known = IDS.values().stream().map(ExerciseId::value).collect(Collectors.toSet());
        DefaultTemplates.all(IDS).stream()
                .flatMap(t -> t.content().phases().stream())
                .flatMap(p -> p.weeks().stream())
                .flatMap(w -> w.sessions().stream())
                .filter(s -> s.spec() instanceof StrengthSession)
                .flatMap(s -> ((StrengthSession) s.spec()).exercises().stream())
                .map(ExerciseDose::exerciseId)
                .forEach(id -> assertThat(known).contains(id));
    }
}
