package io.loadwise.intake;

/**
 * What is wrong with one question of a questionnaire being saved, or with one answer being
 * submitted.
 *
 * @param position 1-based position of the question in the questionnaire (0 for the whole list)
 * @param questionId the question's id as sent (may be empty when that is what is wrong)
 * @param message what to fix, in words for the person editing
 */
public record QuestionProblem(int position, String questionId, String message) {

    public String describe() {
        if (position == 0) {
            return message;
        }
        return "Question " + position + (questionId.isBlank() ? "" : " ('" + questionId + "')") + ": " + message;
    }
}
