package io.loadwise.plans;

/** Keeps the aerobic engine going without running's load on the tendon. */
public record CrossTrainingSession(
        String title, CrossTrainingMode mode, int durationMinutes, Intensity intensity, String notes)
        implements SessionSpec {

    public CrossTrainingSession {
        notes = notes == null ? "" : notes;
    }

    @Override
    public SessionKind kind() {
        return SessionKind.CROSS_TRAINING;
    }
}
