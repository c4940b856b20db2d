package id.gerai.identity.internal;

import id.gerai.identity.GeraiUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns a presented token into its owner, the same {@link GeraiUser} a password login builds (through
 * {@link AccountRepository#toUser}, as {@link AccountUserDetailsService} does).
 *
 * <p>Cost: a malformed value is refused without touching the database; a known token is answered from
 * {@link ApiTokenCache} for {@code cache-ttl}; otherwise one lookup by SHA-256 plus the account and its
 * memberships. {@code last_used_at} is written at most once per {@code last-used-interval} per token.
 *
 * <p>Refused alike (so a caller learns nothing about which case it hit): unknown, revoked or expired tokens,
 * and tokens of a disabled account or of an unclaimed walk-in record.
 */
@Component
class ApiTokenAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenAuthenticator.class);

    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;
    private final ApiTokenCache cache;
    private final Duration lastUsedInterval;

    ApiTokenAuthenticator(ApiTokenRepository tokens, AccountRepository accounts, ApiTokenProperties properties) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.cache = new ApiTokenCache(properties.cacheTtl().toMillis(), properties.cacheSize(), System::currentTimeMillis);
        this.lastUsedInterval = properties.lastUsedInterval();
    }

    /** The authentication for this token, or empty when it must be refused. */
    Optional<ApiTokenAuthentication> authenticate(String presented) {
        if (!ApiTokenSecret.wellFormed(presented)) {
            return Optional.empty();
        }
        String hash = ApiTokenSecret.hash(presented);
        ApiTokenCache.Entry entry = cache.get(hash);
        if (entry == null) {
            long seen = cache.generation();
            entry = load(hash).orElse(null);
            if (entry == null) {
                return Optional.empty();
            }
            cache.put(hash, entry, seen);
        }
        long now = cache.now();
        if (!entry.expiresAt().isAfter(Instant.ofEpochMilli(now))) {
            cache.remove(hash, entry);
            return Optional.empty();
        }
        recordUse(entry, now);
        return Optional.of(new ApiTokenAuthentication(entry.user(), entry.tokenId(), entry.access()));
    }

    /** Forgets the token on this node now and again when the current transaction commits (see {@link ApiTokenCache}). */
    void forgetAfterCommit(UUID tokenId) {
        cache.dropToken(tokenId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.dropToken(tokenId);
                }
            });
        }
    }

    private Optional<ApiTokenCache.Entry> load(String hash) {
        return tokens.findUsable(hash).flatMap(t -> accounts.findById(t.accountId())
                .filter(AccountRepository.AccountRow::claimed)
                .filter(AccountRepository.AccountRow::enabled)
                .map(account -> {
                    GeraiUser user = accounts.toUser(account);
                    user.eraseCredentials(); // the password hash has no business in a token's cached principal
                    long lastUsed = t.lastUsedAt() == null ? 0 : t.lastUsedAt().toEpochMilli();
                    return new ApiTokenCache.Entry(t.id(), user, t.access(), t.expiresAt(), cache.now(), new AtomicLong(lastUsed));
                }));
    }

    private void recordUse(ApiTokenCache.Entry entry, long now) {
        long last = entry.lastUsedAt().get();
        if (now - last < lastUsedInterval.toMillis() || !entry.lastUsedAt().compareAndSet(last, now)) {
            return;
        }
        try {
            tokens.touch(entry.tokenId(), lastUsedInterval);
        } catch (DataAccessException e) {
            // bookkeeping only: the request itself is authenticated and goes on
            log.warn("Could not record the use of API token {}", entry.tokenId(), e);
        }
    }
}
