package io.loadwise.team;

import java.util.Locale;

/** A staff member's role: the owner runs the business, a coach works with their clients. */
public enum TeamRole {
    OWNER,
    COACH;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TeamRole fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Parses the API's "owner" or "coach". */
    public static TeamRole parse(String value) {
        for (TeamRole role : values()) {
            if (role.dbValue().equalsIgnoreCase(value.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("The role must be 'owner' or 'coach', was '" + value + "'.");
    }
}
