package io.loadwise.roster;

/** Sensitive data was to be recorded without the client's active consent for it. */
public class ConsentRequiredException extends RuntimeException {

    public ConsentRequiredException() {
        super("A menopausal status can only be recorded while the client has consented to it. The client grants"
                + " this consent herself in her profile; until then leave the status empty.");
    }
}
