package id.gerai.identity.internal;

import id.gerai.identity.GeraiUser;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory copy of verified tokens: kept for its time to live, bounded, and dropped at once on revocation. */
class ApiTokenCacheTests {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final ApiTokenCache cache = new ApiTokenCache(30_000, 3, clock::get);

    @Test
    void aTokenIsServedFromMemoryUntilItsTimeToLiveRunsOut() {
        ApiTokenCache.Entry e = entry(UUID.randomUUID());
        cache.put("h1", e, cache.generation());
        clock.addAndGet(29_999);
        assertThat(cache.get("h1")).isSameAs(e);
        clock.addAndGet(1);
        assertThat(cache.get("h1")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void droppingATokenForgetsItAtOnce() {
        UUID revoked = UUID.randomUUID();
        cache.put("h1", entry(revoked), cache.generation());
        ApiTokenCache.Entry other = entry(UUID.randomUUID());
        cache.put("h2", other, cache.generation());
        cache.dropToken(revoked);
        assertThat(cache.get("h1")).isNull();
        assertThat(cache.get("h2")).isSameAs(other);
    }

    @Test
    void aVerificationThatRacedWithARevocationIsNotKept() {
        UUID id = UUID.randomUUID();
        long seen = cache.generation(); // the database was read before ...
        cache.dropToken(id);            // ... the token was revoked
        cache.put("h1", entry(id), seen);
        assertThat(cache.get("h1")).isNull();
    }

    @Test
    void itNeverHoldsMoreThanItsSize() {
        for (int i = 0; i < 10; i++) {
            cache.put("h" + i, entry(UUID.randomUUID()), cache.generation());
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(List.of(cache.get("h0"), cache.get("h1"), cache.get("h2"))).doesNotContainNull();
        assertThat(cache.get("h3")).isNull();
        // once the old entries are stale, new ones take their place
        clock.addAndGet(30_000);
        cache.put("h9", entry(UUID.randomUUID()), cache.generation());
        assertThat(cache.get("h9")).isNotNull();
        assertThat(cache.size()).isEqualTo(1);
    }

    private ApiTokenCache.Entry entry(UUID tokenId) {
        GeraiUser user = new GeraiUser(UUID.randomUUID(), "a@b.id", "A", true, Set.of(), List.of(), true, null);
        return new ApiTokenCache.Entry(tokenId, user, id.gerai.identity.ApiTokens.Access.FULL, Instant.now().plusSeconds(3600), clock.get(),
                new AtomicLong());
    }
}
