package io.loadwise.plans;

/**
 * When a phase is done: {@code calmWeeks} consecutive weeks in which no check-in's pain rose above
 * {@code maxPain} and at least {@code minCompletionPercent} of the sessions were completed (done or
 * partial). The plan engine moves the client on when they are met — by symptom response, not by
 * the calendar.
 */
public record ExitCriteria(int calmWeeks, int maxPain, int minCompletionPercent) {

    /** Two calm weeks with pain ≤ 2/10 and ≥ 80 % of sessions done (the pain-monitoring model). */
    public static final ExitCriteria DEFAULT = new ExitCriteria(2, 2, 80);

    @Override
    public String toString() {
        return calmWeeks + " week" + (calmWeeks == 1 ? "" : "s") + " with pain ≤ " + maxPain + "/10 and ≥ "
                + minCompletionPercent + " % of sessions done";
    }
}
