package io.loadwise.events;

/**
 * A record no retry can fix (malformed JSON, missing fields). Thrown by a consumer, it sends the
 * record straight to the dead-letter topic instead of blocking its partition with retries.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnprocessableEventException(String message) {
        super(message);
    }
}
