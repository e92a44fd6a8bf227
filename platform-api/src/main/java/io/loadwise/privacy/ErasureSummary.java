package io.loadwise.privacy;

import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.util.List;

/**
 * What an erasure removed and what it kept, and why: shown to whoever asked for it.
 *
 * @param repeated true when the client had already been erased and this is the earlier summary
 */
public record ErasureSummary(
        ClientId clientId, Instant erasedAt, List<Removed> removed, List<Kept> kept, boolean repeated) {

    public ErasureSummary {
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
    }

    /** A category of data and how many records of it were removed. */
    public record Removed(String category, int count) {}

    /** Something that stays, and the reason it has to. */
    public record Kept(String what, String why) {}
}
