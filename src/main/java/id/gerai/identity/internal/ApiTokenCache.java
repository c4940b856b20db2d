package id.gerai.identity.internal;

import id.gerai.identity.ApiTokens;
import id.gerai.identity.GeraiUser;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Verified tokens kept in memory by their hash, so a burst of requests with one token costs one database
 * lookup per {@code ttl}, not one per request.
 *
 * <p>Bounded: at most {@code maxSize} entries. When full, stale entries are purged; if it is still full, a
 * newly verified token is simply not kept (its requests are then checked in the database each time), so a
 * flood of distinct tokens can cost database lookups but never memory.
 *
 * <p>Freshness: {@link #dropToken} removes a token at once. A verification that read the database before a
 * drop and finishes after it is not kept ({@link #generation} check), so a copy read before a revocation
 * committed cannot outlive it; the caller drops again after the commit for the same reason.
 */
final class ApiTokenCache {

    /** A verified token: whose it is, until when it works, and when this node last recorded its use. */
    record Entry(UUID tokenId, GeraiUser user, ApiTokens.Access access, Instant expiresAt, long loadedAt, AtomicLong lastUsedAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlMillis;
    private final int maxSize;
    private final LongSupplier clock;

    /** @param clock milliseconds, as {@link System#currentTimeMillis()} (tests pass their own) */
    ApiTokenCache(long ttlMillis, int maxSize, LongSupplier clock) {
        this.ttlMillis = ttlMillis;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    long now() {
        return clock.getAsLong();
    }

    /** The entry for this hash while it is younger than the time to live; {@code null} otherwise. */
    Entry get(String tokenHash) {
        Entry e = entries.get(tokenHash);
        if (e == null) {
            return null;
        }
        if (!fresh(e, now())) {
            entries.remove(tokenHash, e);
            return null;
        }
        return e;
    }

    /** Taken before reading the database, handed to {@link #put}. */
    long generation() {
        return generation.get();
    }

    /** Keeps a verified token, unless a drop happened since {@code seenGeneration} or the cache is full. */
    void put(String tokenHash, Entry entry, long seenGeneration) {
        if (entries.size() >= maxSize && !entries.containsKey(tokenHash)) {
            long now = now();
            entries.values().removeIf(e -> !fresh(e, now));
            if (entries.size() >= maxSize) {
                return;
            }
        }
        entries.put(tokenHash, entry);
        if (generation.get() != seenGeneration) {
            entries.remove(tokenHash, entry); // dropped while verifying: the copy may predate a revocation
        }
    }

    void remove(String tokenHash, Entry entry) {
        entries.remove(tokenHash, entry);
    }

    /** Forgets the token now (a revocation), and spoils verifications under way. */
    void dropToken(UUID tokenId) {
        generation.incrementAndGet();
        entries.values().removeIf(e -> e.tokenId().equals(tokenId));
    }

    int size() {
        return entries.size();
    }

    private boolean fresh(Entry e, long now) {
        return now - e.loadedAt() < ttlMillis;
    }
}
