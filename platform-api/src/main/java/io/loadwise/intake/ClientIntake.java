package io.loadwise.intake;

import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A client's intake as their coach sees it.
 *
 * @param latest the most recent submission, or null when the client has not completed intake
 * @param submittedAt when each submission was made, newest first (the latest included)
 */
public record ClientIntake(ClientId clientId, @Nullable IntakeSubmission latest, List<Instant> submittedAt) {

    public ClientIntake {
        submittedAt = List.copyOf(submittedAt);
    }

    public Optional<IntakeSubmission> latestSubmission() {
        return Optional.ofNullable(latest);
    }
}
