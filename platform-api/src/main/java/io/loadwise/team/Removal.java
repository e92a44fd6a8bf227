package io.loadwise.team;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The outcome of removing a coach: how many clients went to whom. */
public record Removal(
        UUID removedMemberId, @Nullable UUID reassignedTo, int leadClientsMoved, int coCoachedClientsMoved) {}
