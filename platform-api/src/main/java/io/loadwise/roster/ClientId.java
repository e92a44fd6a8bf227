package io.loadwise.roster;

import java.util.UUID;

/** Identifies a roster entry within its tenant. */
public record ClientId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
