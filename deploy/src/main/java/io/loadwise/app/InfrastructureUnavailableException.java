package io.loadwise.app;

/**
 * A piece of infrastructure Loadwise needs could not be reached at start-up. Carries what to tell
 * the operator; {@link InfrastructureFailureAnalyzer} prints it instead of a stack trace.
 */
class InfrastructureUnavailableException extends RuntimeException {

    private final String component;
    private final String action;

    InfrastructureUnavailableException(String component, String description, String action, Throwable cause) {
        super(component + ": " + description, cause);
        this.component = component;
        this.action = action;
    }

    String component() {
        return component;
    }

    String action() {
        return action;
    }
}
