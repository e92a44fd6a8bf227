package io.loadwise.tenancy;

import java.util.UUID;

/** Identifies a coaching business. Equal to its Keycloak organization id. */
public record TenantId(UUID value) {

    public TenantId {
        if (value == null) {
            throw new IllegalArgumentException("tenant id must not be null");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
