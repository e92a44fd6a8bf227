package io.loadwise.roster;

/** A client just invited: their roster id and the address the invite went to, as stored. */
public record InvitedClient(ClientId clientId, String email) {}
