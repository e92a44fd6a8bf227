package io.loadwise.messaging;

import io.loadwise.roster.ClientId;

/** A thread with messages the reader has not read yet. */
public record UnreadThread(ClientId clientId, String clientName, int unread) {}
