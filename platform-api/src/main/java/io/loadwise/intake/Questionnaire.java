package io.loadwise.intake;

import java.util.List;

/**
 * A coaching business's intake questions, in the order asked.
 *
 * @param version the stored version, for optimistic concurrency ({@code 0}: never saved)
 * @param platformDefault true while the business has not saved questions of its own
 */
public record Questionnaire(List<Question> questions, int version, boolean platformDefault) {

    public Questionnaire {
        questions = List.copyOf(questions);
    }
}
