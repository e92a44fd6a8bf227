package io.loadwise.roster.imports;

/** Confirming a discarded import, or discarding one that was already imported. */
public class ImportNotPendingException extends RuntimeException {

    public ImportNotPendingException(String message) {
        super(message);
    }
}
