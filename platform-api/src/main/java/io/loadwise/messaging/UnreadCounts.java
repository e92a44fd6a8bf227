package io.loadwise.messaging;

import java.util.List;

/**
 * What the signed-in person has not read: per thread for a coach (only threads they may see), the
 * one own thread for a client.
 */
public record UnreadCounts(List<UnreadThread> threads, int total) {

    public UnreadCounts {
        threads = List.copyOf(threads);
    }

    public static UnreadCounts of(List<UnreadThread> threads) {
        return new UnreadCounts(
                threads, threads.stream().mapToInt(UnreadThread::unread).sum());
    }
}
