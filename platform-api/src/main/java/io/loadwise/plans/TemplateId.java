package io.loadwise.plans;

import java.util.UUID;

/** A plan template of a business. */
public record TemplateId(UUID value) {

    public TemplateId {
        if (value == null) {
            throw new IllegalArgumentException("id must not be null");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
