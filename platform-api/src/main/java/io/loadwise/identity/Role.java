package io.loadwise.identity;

import java.util.Arrays;
import java.util.Optional;

/** Realm roles in Keycloak and the Spring Security authorities they become. */
public enum Role {
    PLATFORM_ADMIN("platform-admin"),
    COACH("coach"),
    CLIENT("client");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    /** The authority name Spring Security checks with {@code hasRole(name())}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromRealmRole(String realmRole) {
        return Arrays.stream(values())
                .filter(r -> r.realmRole.equals(realmRole))
                .findFirst();
    }
}
