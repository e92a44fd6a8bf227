package io.loadwise.roster;

/** An invite for an email address the coaching business already has on its roster. */
public class ClientAlreadyOnRosterException extends RuntimeException {

    public ClientAlreadyOnRosterException(String email) {
        super(email + " is already on your roster.");
    }
}
