package io.loadwise.messaging;

/**
 * A coach in a client's thread, as the client's portal names them.
 *
 * @param lead whether they are the client's lead coach (else a co-coach)
 */
public record ThreadCoach(String name, boolean lead) {}
