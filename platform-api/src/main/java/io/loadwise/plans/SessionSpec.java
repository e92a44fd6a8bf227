package io.loadwise.plans;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a session prescribes: the same document in a template week, a client's dated plan and a
 * revision's before/after. Stored as JSON with a {@code kind} of {@code run}, {@code strength},
 * {@code cross_training} or {@code recovery}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = RunSession.class, name = "run"),
    @JsonSubTypes.Type(value = StrengthSession.class, name = "strength"),
    @JsonSubTypes.Type(value = CrossTrainingSession.class, name = "cross_training"),
    @JsonSubTypes.Type(value = RecoverySession.class, name = "recovery")
})
public sealed interface SessionSpec permits RunSession, StrengthSession, CrossTrainingSession, RecoverySession {

    int MAX_TITLE = 120;
    int MAX_NOTES = 2000;

    /** Short name shown in calendars, e.g. "Easy run 30 min". */
    String title();

    /** Coaching notes for the client; may be empty. */
    String notes();

    @JsonIgnore
    SessionKind kind();
}
