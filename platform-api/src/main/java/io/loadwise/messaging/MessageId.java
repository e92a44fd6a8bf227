package io.loadwise.messaging;

import java.util.UUID;

/** Identifies a message within its tenant. */
public record MessageId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
