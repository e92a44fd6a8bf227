package io.loadwise.roster;

import java.util.UUID;

/** A coach of the business as the roster names them: member id and display name. */
public record CoachRef(UUID id, String name) {}
