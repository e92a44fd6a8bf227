package io.loadwise.plans;

/**
 * The client already follows a plan: a new one is assigned only after that one ended (the API
 * answers 409).
 */
public class ClientHasPlanException extends RuntimeException {

    private final PlanId current;

    public ClientHasPlanException(ClientPlan current) {
        super("The client already has " + (current.status() == PlanStatus.ACTIVE ? "an active" : "a paused")
                + " plan, \"" + current.name() + "\" (from "
                + current.startDate() + "). End it first, then assign the new one.");
        this.current = current.id();
    }

    public PlanId current() {
        return current;
    }
}
