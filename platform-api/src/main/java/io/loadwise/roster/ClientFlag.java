package io.loadwise.roster;

import java.time.Instant;

/** Something the plan engine wants a coach to look at (pain spike, missed sessions, ...). */
public record ClientFlag(String kind, String detail, int severity, Instant raisedAt) {}
