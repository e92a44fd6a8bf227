package io.loadwise.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Creates time-ordered UUIDs (version 7, RFC 9562) for new rows.
 *
 * <p>Time ordering keeps b-tree inserts local and makes ids usable as a stable tie-breaker in
 * keyset pagination; the random tail makes them unguessable across tenants.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static UUID newId(Clock clock) {
        long millis = clock.millis();
        long randA = RANDOM.nextLong() & 0x0FFFL;
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
