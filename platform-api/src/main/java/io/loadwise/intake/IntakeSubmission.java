package io.loadwise.intake;

import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One completed intake: the answers a client gave, each with its question as asked. */
public record IntakeSubmission(UUID id, ClientId clientId, Instant submittedAt, List<Answer> answers) {

    public IntakeSubmission {
        answers = List.copyOf(answers);
    }
}
