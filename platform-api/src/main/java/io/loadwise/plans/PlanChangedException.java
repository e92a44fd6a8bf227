package io.loadwise.plans;

import io.loadwise.shared.StaleVersionException;

/**
 * An edit based on an older revision of the plan: says who changed it since and why, so the coach
 * knows what they are looking at after reloading (the API answers 412; nothing was changed).
 */
public class PlanChangedException extends StaleVersionException {

    private final String detail;

    public PlanChangedException(int expected, PlanRevision latest, String madeBy) {
        super("plan", expected, latest.revision());
        this.detail = "The plan was changed by " + madeBy + " after you loaded it (revision "
                + latest.revision() + ": \"" + latest.reason() + "\"). Nothing was saved: reload the plan and"
                + " apply your change again.";
    }

    @Override
    public String getMessage() {
        return detail;
    }
}
