package io.loadwise.billing.orders;

public enum EntitlementKind {
    GUIDE_DOWNLOAD,
    CUSTOM_PLAN,
    COACHING
}
