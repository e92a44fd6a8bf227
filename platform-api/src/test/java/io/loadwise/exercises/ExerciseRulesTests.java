package io.loadwise.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExerciseRulesTests {

    static ExerciseDraft bridge() {
        return new ExerciseDraft(
                "  Isometric bridge hold ",
                ExerciseCategory.ISOMETRIC,
                ExerciseTarget.HAMSTRING,
                "5 × 45 s",
                "Heels on a step",
                " ");
    }

    static List<String> fields(ExerciseDraft draft) {
        return ExerciseRules.problems(draft).stream().map(FieldProblem::field).toList();
    }

    @Test
    void a_valid_draft_is_trimmed_and_a_blank_video_link_is_none() {
        ExerciseDraft valid = ExerciseRules.validated(bridge());
        assertThat(valid.name()).isEqualTo("Isometric bridge hold");
        assertThat(valid.videoUrl()).isNull();
    }

    @Test
    void name_dosage_and_cues_have_their_limits() {
        assertThat(fields(new ExerciseDraft("", ExerciseCategory.ISOMETRIC, ExerciseTarget.HIP, "x", "", null)))
                .containsExactly("name");
        assertThat(fields(new ExerciseDraft(
                        "n".repeat(121), ExerciseCategory.ISOMETRIC, ExerciseTarget.HIP, "x", "", null)))
                .containsExactly("name");
        assertThat(fields(new ExerciseDraft(
                        "n".repeat(120),
                        ExerciseCategory.ISOMETRIC,
                        ExerciseTarget.HIP,
                        "d".repeat(200),
                        "c".repeat(2000),
                        null)))
                .isEmpty();
        assertThat(fields(new ExerciseDraft(
                        "Plank",
                        ExerciseCategory.ISOMETRIC,
                        ExerciseTarget.HIP,
                        "d".repeat(201),
                        "c".repeat(2001),
                        null)))
                .containsExactly("defaultDosage", "cues");
        assertThat(fields(new ExerciseDraft("Plank", ExerciseCategory.ISOMETRIC, ExerciseTarget.HIP, " ", "", null)))
                .containsExactly("defaultDosage");
    }

    @Test
    void category_and_target_are_required() {
        assertThat(fields(new ExerciseDraft("Plank", null, null, "3 × 30 s", "", null)))
                .containsExactly("category", "target");
    }

    @Test
    void a_video_link_is_an_absolute_web_address_of_at_most_500_characters() {
        for (String bad :
                List.of("video.example/clip", "ftp://files.example/clip", "javascript:alert(1)", "https://")) {
            assertThat(fields(new ExerciseDraft("Plank", ExerciseCategory.MOBILITY, ExerciseTarget.HIP, "x", "", bad)))
                    .as(bad)
                    .containsExactly("videoUrl");
        }
        String tooLong = "https://video.example/" + "v".repeat(480);
        assertThatThrownBy(() -> ExerciseRules.validated(
                        new ExerciseDraft("Plank", ExerciseCategory.MOBILITY, ExerciseTarget.HIP, "x", "", tooLong)))
                .isInstanceOf(InvalidExerciseException.class)
                .hasMessage("The video link is 502 characters; keep it to 500.");
        assertThat(fields(new ExerciseDraft(
                        "Plank",
                        ExerciseCategory.MOBILITY,
                        ExerciseTarget.HIP,
                        "x",
                        "",
                        "http://video.example/clip?t=3")))
                .isEmpty();
    }
}
