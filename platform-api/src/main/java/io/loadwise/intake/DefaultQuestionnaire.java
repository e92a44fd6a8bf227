package io.loadwise.intake;

import java.util.List;

/** The questions a business asks until it edits its own: what a coach needs before a first plan. */
public final class DefaultQuestionnaire {

    public static final List<String> WEEKDAYS =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    public static final List<Question> QUESTIONS = List.of(
            Question.longText("injury", QuestionTopic.INJURY, "Which injury brings you here? Side, since when?", true),
            Question.number(
                    "running_volume",
                    QuestionTopic.RUNNING_VOLUME,
                    "How many kilometres do you run per week right now?",
                    true,
                    0,
                    300),
            Question.longText(
                    "goals",
                    QuestionTopic.GOALS,
                    "What are your goals? Races, distances, dates that matter to you.",
                    true),
            Question.number(
                    "days_per_week", QuestionTopic.AVAILABILITY, "How many days per week can you train?", true, 1, 7),
            Question.choice(
                    "training_days", QuestionTopic.AVAILABILITY, "Which days suit you best?", false, true, WEEKDAYS),
            Question.choice(
                    "equipment",
                    QuestionTopic.EQUIPMENT,
                    "What equipment can you use?",
                    false,
                    true,
                    List.of("Gym access", "Resistance bands", "Dumbbells or kettlebells", "Barbell", "None")));

    private DefaultQuestionnaire() {}
}
