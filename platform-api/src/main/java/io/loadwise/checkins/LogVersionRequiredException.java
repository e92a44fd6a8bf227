package io.loadwise.checkins;

/**
 * A session that already has a log was logged again without naming the version of that log: the
 * update could overwrite a change made elsewhere (another device), so it is refused (HTTP 428).
 */
public class LogVersionRequiredException extends RuntimeException {

    private final SessionLog existing;

    public LogVersionRequiredException(SessionLog existing) {
        super("This session is logged already (version " + existing.version()
                + "). Send that version in If-Match to change the log.");
        this.existing = existing;
    }

    public SessionLog existing() {
        return existing;
    }
}
