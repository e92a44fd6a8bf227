package io.loadwise.tenancy;

/** A business signed up publicly is pending until its owner confirms their email; then active. */
public enum TenantStatus {
    PENDING,
    ACTIVE;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TenantStatus fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
