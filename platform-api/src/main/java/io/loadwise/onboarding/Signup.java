package io.loadwise.onboarding;

/** What a new coaching business fills in on the public signup page. */
public record Signup(
        String businessName,
        String slug,
        String ownerName,
        String ownerEmail,
        String currency,
        String timeZone,
        String locale) {}
