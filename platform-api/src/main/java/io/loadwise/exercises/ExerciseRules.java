package io.loadwise.exercises;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What makes an exercise fit to save; the limits match the columns of {@code exercises}. */
public final class ExerciseRules {

    public static final int MAX_NAME = 120;
    public static final int MAX_DOSAGE = 200;
    public static final int MAX_CUES = 2000;
    public static final int MAX_VIDEO_URL = 500;

    private ExerciseRules() {}

    /**
     * The draft with text trimmed and an empty video URL as none.
     *
     * @throws InvalidExerciseException naming every field that can't be saved
     */
    public static ExerciseDraft validated(ExerciseDraft draft) {
        ExerciseDraft normalized = new ExerciseDraft(
                strip(draft.name()),
                draft.category(),
                draft.target(),
                strip(draft.defaultDosage()),
                strip(draft.cues()),
                blankToNull(strip(draft.videoUrl())));
        List<FieldProblem> problems = problems(normalized);
        if (!problems.isEmpty()) {
            throw new InvalidExerciseException(problems);
        }
        return normalized;
    }

    /** Every problem of a normalized draft, in the order of the form's fields. */
    public static List<FieldProblem> problems(ExerciseDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = draft.name();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "Give the exercise a name."));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem(
                    "name", "The name is " + name.length() + " characters; keep it to " + MAX_NAME + "."));
        }
        if (draft.category() == null) {
            problems.add(new FieldProblem(
                    "category",
                    "Choose a category (isometric, eccentric, heavy slow resistance,"
                            + " energy storage, glutes & core or mobility)."));
        }
        if (draft.target() == null) {
            problems.add(new FieldProblem("target", "Choose what the exercise targets."));
        }
        String dosage = draft.defaultDosage();
        if (dosage == null || dosage.isBlank()) {
            problems.add(new FieldProblem("defaultDosage", "Give a default dosage, e.g. \"5 × 45 s hold\"."));
        } else if (dosage.length() > MAX_DOSAGE) {
            problems.add(new FieldProblem(
                    "defaultDosage",
                    "The default dosage is " + dosage.length() + " characters; keep it to " + MAX_DOSAGE + "."));
        }
        String cues = draft.cues();
        if (cues != null && cues.length() > MAX_CUES) {
            problems.add(new FieldProblem(
                    "cues", "The cues are " + cues.length() + " characters; keep them to " + MAX_CUES + "."));
        }
        String video = draft.videoUrl();
        if (video != null) {
            if (video.length() > MAX_VIDEO_URL) {
                problems.add(new FieldProblem(
                        "videoUrl",
                        "The video link is " + video.length() + " characters; keep it to " + MAX_VIDEO_URL + "."));
            } else if (!isWebAddress(video)) {
                problems.add(new FieldProblem(
                        "videoUrl", "The video link must be a full web address starting with https:// or http://."));
            }
        }
        return problems;
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute()
                    && (scheme.equals("https") || scheme.equals("http"))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null ? null : value.strip();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
