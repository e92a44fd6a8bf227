package io.loadwise.team;

/** A team change that contradicts the team as it is (a duplicate, the last owner, oneself). The API answers 409. */
public class TeamConflictException extends RuntimeException {

    private final String slug;

    public TeamConflictException(String message, String slug) {
        super(message);
        this.slug = slug;
    }

    /** A stable problem type slug. */
    public String slug() {
        return slug;
    }
}
