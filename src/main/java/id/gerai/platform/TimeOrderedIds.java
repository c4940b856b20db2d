package id.gerai.platform;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562): 48 bits of Unix milliseconds first, then 74 random bits. Rows keyed by them are
 * inserted near the end of their index instead of on a random page of it, so a table of millions of applications
 * takes a new one on a page already in memory (and already written since the last checkpoint) rather than reading
 * and logging a whole old page. Unguessable enough for row keys (74 random bits); they tell when the row was made,
 * which the rows they key say anyway.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A new version-7 UUID for now. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        byte[] r = new byte[10];
        RANDOM.nextBytes(r);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16
                | 0x7000L                                   // version 7
                | ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);   // 12 random bits
        long low = 0x8000_0000_0000_0000L                   // variant 10
                | ((r[2] & 0x3FL) << 56) | ((r[3] & 0xFFL) << 48) | ((r[4] & 0xFFL) << 40) | ((r[5] & 0xFFL) << 32)
                | ((r[6] & 0xFFL) << 24) | ((r[7] & 0xFFL) << 16) | ((r[8] & 0xFFL) << 8) | (r[9] & 0xFFL);
        return new UUID(high, low);
    }
}
