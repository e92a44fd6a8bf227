package io.loadwise.exercises;

import static io.loadwise.exercises.ExerciseCategory.ECCENTRIC;
import static io.loadwise.exercises.ExerciseCategory.ENERGY_STORAGE;
import static io.loadwise.exercises.ExerciseCategory.GLUTES_CORE;
import static io.loadwise.exercises.ExerciseCategory.HEAVY_SLOW_RESISTANCE;
import static io.loadwise.exercises.ExerciseCategory.ISOMETRIC;
import static io.loadwise.exercises.ExerciseCategory.MOBILITY;

import java.util.List;
import java.util.Optional;

/**
 * The platform's default exercise library, copied into every new business. The keys are stable:
 * a business's copy remembers its key, so seeding again adds nothing twice and the default
 * templates find their exercises. Dosages and cues follow staged tendon loading (isometric → slow
 * heavy strength → energy storage) and the pain-monitoring model (0-2/10 safe, 3-5 acceptable).
 */
public final class DefaultExercises {

    /** One default exercise. */
    public record DefaultExercise(
            String key, String name, ExerciseCategory category, ExerciseTarget target, String dosage, String cues) {}

    private static final String PAIN_RULE =
            " Pain up to 3/10 during and after is fine if it settles by the next morning.";

    public static final List<DefaultExercise> ALL = List.of(
            // Isometrics: pain relief and a first, low-compression load for the tendon.
            new DefaultExercise(
                    "isometric-bridge-hold",
                    "Isometric bridge hold",
                    ISOMETRIC,
                    ExerciseTarget.HAMSTRING,
                    "5 × 45 s hold, 2 min rest",
                    "Heels on a step, knees slightly bent, push through the heels and lift the hips just off the floor."
                            + " Keep the hip fairly straight — no deep hip flexion early on." + PAIN_RULE),
            new DefaultExercise(
                    "prone-hamstring-isometric",
                    "Prone hamstring isometric",
                    ISOMETRIC,
                    ExerciseTarget.HAMSTRING,
                    "5 × 30-45 s hold at 50-70 % effort",
                    "Lie face down, knee bent to about 30°, push the heel up into a band or a partner's hand."
                            + " Hip stays straight, so the tendon is not compressed." + PAIN_RULE),
            new DefaultExercise(
                    "single-leg-bridge-hold",
                    "Single-leg bridge hold",
                    ISOMETRIC,
                    ExerciseTarget.HAMSTRING,
                    "4 × 30 s hold each side",
                    "Progression from the two-leg hold: heel on a low step, level pelvis, ribs down." + PAIN_RULE),
            new DefaultExercise(
                    "isometric-calf-raise",
                    "Isometric calf raise hold",
                    ISOMETRIC,
                    ExerciseTarget.ACHILLES,
                    "5 × 45 s hold, heavy enough to feel 7/10 effort",
                    "Rise halfway onto the balls of the feet and hold; add a backpack or Smith machine load as it"
                            + " gets easy. Knee straight for the calf, bent for the soleus." + PAIN_RULE),
            new DefaultExercise(
                    "isometric-seated-soleus",
                    "Seated soleus isometric",
                    ISOMETRIC,
                    ExerciseTarget.ACHILLES,
                    "5 × 45 s hold",
                    "Seated, knee at 90° under a loaded bar or heavy weight, push up through the ball of the foot and"
                            + " hold just off the floor." + PAIN_RULE),
            new DefaultExercise(
                    "spanish-squat-hold",
                    "Spanish squat hold",
                    ISOMETRIC,
                    ExerciseTarget.PATELLAR,
                    "5 × 45 s hold",
                    "Heavy band behind both knees anchored in front, sit back to about 60° knee bend with shins"
                            + " vertical. Patellar tendon pain relief; keep the trunk upright." + PAIN_RULE),
            new DefaultExercise(
                    "wall-sit",
                    "Wall sit",
                    ISOMETRIC,
                    ExerciseTarget.QUADRICEPS,
                    "4 × 45 s hold",
                    "Back against the wall, knees over the ankles, thighs above parallel; breathe steadily."),
            // Eccentric and slow isotonic strength: progressive load through range.
            new DefaultExercise(
                    "nordic-curl-band-assisted",
                    "Nordic curl — band-assisted",
                    ECCENTRIC,
                    ExerciseTarget.HAMSTRING,
                    "3 × 5, 4 s lowering",
                    "Band from a high anchor to the chest takes part of the weight. Lower as slowly as you can with"
                            + " hips straight, push back up with the hands. Stage 2 onwards, not while irritable."),
            new DefaultExercise(
                    "nordic-curl-partial-range",
                    "Nordic curl — partial range",
                    ECCENTRIC,
                    ExerciseTarget.HAMSTRING,
                    "3 × 5, lower to the box and back",
                    "Lower only as far as you can control, onto a box or cushion in front; widen the range week by week."),
            new DefaultExercise(
                    "slow-single-leg-rdl",
                    "Slow single-leg Romanian deadlift",
                    ECCENTRIC,
                    ExerciseTarget.HAMSTRING,
                    "3 × 8 each side, 3 s down",
                    "Soft knee, hinge at the hip with a long spine, hips square. Early on only to a shallow hinge:"
                            + " deep hip flexion compresses the tendon."),
            new DefaultExercise(
                    "eccentric-heel-drop",
                    "Eccentric heel drop",
                    ECCENTRIC,
                    ExerciseTarget.ACHILLES,
                    "3 × 15, straight and bent knee",
                    "Up on two feet, down slowly on the sore side over 3 s. For insertional Achilles pain stop at"
                            + " the level of the step, don't drop below it."),
            new DefaultExercise(
                    "slider-hamstring-curl",
                    "Slider hamstring curl",
                    ECCENTRIC,
                    ExerciseTarget.HAMSTRING,
                    "3 × 8, 3 s out",
                    "Bridge up, slide the heels out slowly keeping the hips high, bring them back with both legs."),
            new DefaultExercise(
                    "decline-squat",
                    "Decline single-leg squat",
                    ECCENTRIC,
                    ExerciseTarget.PATELLAR,
                    "3 × 15, 3 s down",
                    "On a 25° decline board, lower on one leg to about 60°, stand up on two."),
            // Heavy slow resistance: heavier, then more hip-flexed (stage 3).
            new DefaultExercise(
                    "trap-bar-deadlift",
                    "Trap-bar deadlift",
                    HEAVY_SLOW_RESISTANCE,
                    ExerciseTarget.FULL_BODY,
                    "4 × 6 at RPE 7-8, 3 s up, 3 s down",
                    "Push the floor away, chest proud, bar close. Add load weekly while next-morning pain stays at"
                            + " your usual level."),
            new DefaultExercise(
                    "romanian-deadlift",
                    "Romanian deadlift",
                    HEAVY_SLOW_RESISTANCE,
                    ExerciseTarget.HAMSTRING,
                    "4 × 6 at RPE 7-8, 3 s down",
                    "Hinge with soft knees to mid-shin; this is the more hip-flexed load of stage 3, so start light"
                            + " and add depth before weight."),
            new DefaultExercise(
                    "barbell-hip-thrust",
                    "Barbell hip thrust",
                    HEAVY_SLOW_RESISTANCE,
                    ExerciseTarget.GLUTE,
                    "4 × 8, 2 s pause at the top",
                    "Shoulders on a bench, chin tucked, drive through the heels and squeeze the glutes; ribs stay down."),
            new DefaultExercise(
                    "split-squat",
                    "Rear-foot elevated split squat",
                    HEAVY_SLOW_RESISTANCE,
                    ExerciseTarget.QUADRICEPS,
                    "3 × 8 each side, 3 s down",
                    "Front foot far enough ahead that the knee tracks over the toes; lean slightly forward for more"
                            + " glute and hamstring."),
            new DefaultExercise(
                    "seated-calf-raise",
                    "Seated calf raise",
                    HEAVY_SLOW_RESISTANCE,
                    ExerciseTarget.ACHILLES,
                    "4 × 8, 3 s up, 3 s down",
                    "Heavy on the knees (soleus works with the knee bent); full range, no bouncing."),
            new DefaultExercise(
                    "standing-calf-raise",
                    "Standing calf raise",
                    HEAVY_SLOW_RESISTANCE,
                    ExerciseTarget.CALF,
                    "4 × 8 each side, 3 s up, 3 s down",
                    "Single leg with a dumbbell or in the Smith machine; rise all the way, lower under control."),
            new DefaultExercise(
                    "leg-press",
                    "Leg press",
                    HEAVY_SLOW_RESISTANCE,
                    ExerciseTarget.QUADRICEPS,
                    "4 × 8, 3 s down, 3 s up",
                    "Feet hip-width, knees in line with the toes; stop before the lower back rounds."),
            new DefaultExercise(
                    "single-leg-leg-press-calf",
                    "Leg press calf raise",
                    HEAVY_SLOW_RESISTANCE,
                    ExerciseTarget.ACHILLES,
                    "4 × 10, 3 s up, 3 s down",
                    "Balls of the feet on the edge of the plate, knees straight; heavy and slow."),
            // Energy storage: the spring, before running speed comes back (stage 4).
            new DefaultExercise(
                    "pogo-hops",
                    "Pogo hops",
                    ENERGY_STORAGE,
                    ExerciseTarget.ACHILLES,
                    "3 × 20 contacts",
                    "Stiff ankles, quick light contacts, bounce off the balls of the feet. Only once heavy calf work"
                            + " is comfortable; next-morning stiffness must settle."),
            new DefaultExercise(
                    "a-skips",
                    "A-skips",
                    ENERGY_STORAGE,
                    ExerciseTarget.HAMSTRING,
                    "3 × 20 m",
                    "Run tall, drive the knee up and the arms back, strike down under the hip."),
            new DefaultExercise(
                    "skipping",
                    "Skipping (rope)",
                    ENERGY_STORAGE,
                    ExerciseTarget.CALF,
                    "5 × 1 min, 1 min rest",
                    "Light and rhythmic, low jumps; stop if the tendon pain rises above 3/10."),
            new DefaultExercise(
                    "bounding",
                    "Bounding",
                    ENERGY_STORAGE,
                    ExerciseTarget.FULL_BODY,
                    "4 × 30 m, walk back",
                    "Long springy strides, drive the arms back, land under the body. Late stage only."),
            new DefaultExercise(
                    "single-leg-hops",
                    "Single-leg hops",
                    ENERGY_STORAGE,
                    ExerciseTarget.ACHILLES,
                    "3 × 10 each side",
                    "Hop in place, quiet landings, knee over the toes; forward hops once in-place hops are pain free."),
            // Glutes and core: hold the pelvis so the hamstring is not overloaded.
            new DefaultExercise(
                    "side-plank",
                    "Side plank",
                    GLUTES_CORE,
                    ExerciseTarget.CORE,
                    "3 × 30 s each side",
                    "Elbow under the shoulder, body in one line, top hip pushed forward."),
            new DefaultExercise(
                    "dead-bug",
                    "Dead bug",
                    GLUTES_CORE,
                    ExerciseTarget.CORE,
                    "3 × 8 each side, slow",
                    "Low back pressed to the floor, breathe out as the opposite arm and leg reach long."),
            new DefaultExercise(
                    "banded-lateral-walk",
                    "Banded lateral walk",
                    GLUTES_CORE,
                    ExerciseTarget.GLUTE,
                    "3 × 12 steps each way",
                    "Band above the knees, half squat, toes forward; push the knees out against the band."),
            new DefaultExercise(
                    "copenhagen-plank",
                    "Copenhagen plank",
                    GLUTES_CORE,
                    ExerciseTarget.HIP,
                    "3 × 20 s each side (knee on the bench to start)",
                    "Top leg on the bench, lift the hips into a side plank; start from the knee, progress to the foot."),
            new DefaultExercise(
                    "clamshell",
                    "Clamshell with band",
                    GLUTES_CORE,
                    ExerciseTarget.GLUTE,
                    "3 × 15 each side",
                    "Heels together, open the knee without rolling the pelvis back."),
            // Mobility: without long static hamstring stretching, which compresses the tendon.
            new DefaultExercise(
                    "hip-flexor-stretch",
                    "Half-kneeling hip flexor stretch",
                    MOBILITY,
                    ExerciseTarget.HIP,
                    "2 × 45 s each side",
                    "Tuck the pelvis under and squeeze the back glute; lean forward only a little."),
            new DefaultExercise(
                    "ankle-dorsiflexion",
                    "Knee-to-wall ankle dorsiflexion",
                    MOBILITY,
                    ExerciseTarget.CALF,
                    "2 × 10 each side",
                    "Heel down, drive the knee over the toes to the wall; move the foot back as it gets easy."),
            new DefaultExercise(
                    "thoracic-rotation",
                    "Open-book thoracic rotation",
                    MOBILITY,
                    ExerciseTarget.FULL_BODY,
                    "2 × 8 each side",
                    "Side lying with knees stacked, open the top arm and follow it with your eyes; breathe out."),
            new DefaultExercise(
                    "sciatic-nerve-glide",
                    "Sciatic nerve glide (slider)",
                    MOBILITY,
                    ExerciseTarget.HAMSTRING,
                    "2 × 10 gentle, each side",
                    "Seated, straighten the knee while looking up, bend it while looking down; gentle, never into"
                            + " pins and needles. Not a static hamstring stretch."));

    private DefaultExercises() {}

    public static Optional<DefaultExercise> byKey(String key) {
        return ALL.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
