package io.loadwise.identity;

/** Keycloak's password policy refused a password; the message says why, in Keycloak's words. */
public class PasswordRejectedException extends RuntimeException {

    public PasswordRejectedException(String message) {
        super(message);
    }
}
