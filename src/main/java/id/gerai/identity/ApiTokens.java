package id.gerai.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Personal API tokens: a long random secret that stands for one account on {@code /api/**}, sent as
 * {@code Authorization: Bearer gerai_…}. Checking one costs a SHA-256 and (at most every few seconds) a
 * lookup by that hash, instead of an Argon2 password check on every request, so scripts, integrations and
 * load benchmarks authenticate cheaply.
 *
 * <p>The secret is returned once, by {@link #issue}; only its SHA-256 is stored, so neither a database
 * reader nor the account's owner can see it again. A token has an {@link Access}: a {@code READ} token is
 * accepted for reading only ({@code GET} and {@code HEAD}; anything else is answered 403
 * {@code api-token-read-only}), a {@code FULL} token acts with everything its account may do. A token expires
 * after its validity and stops working when revoked, when the account is disabled, or when it expires.
 *
 * <p>Freshness: a node keeps a verified token in memory for {@code gerai.identity.api-tokens.cache-ttl}
 * (30 s by default). A revocation takes effect at once on the node that made it and within that time on the
 * others; so do a disabled account and changed roles.
 */
public interface ApiTokens {

    /** What a token may do: {@code READ} only reads (GET, HEAD); {@code FULL} does whatever its account may. */
    enum Access {
        READ, FULL
    }

    /**
     * A token just issued. {@code token} is the secret, to be shown to its owner now and never again;
     * {@code prefix} (its first characters after {@code gerai_}) is what lists show to tell tokens apart.
     * {@link #toString()} leaves the secret out, so a log line cannot leak it.
     */
    record IssuedToken(UUID id, String token, String prefix, Instant expiresAt, Access access) {

        @Override
        public String toString() {
            return "IssuedToken[id=" + id + ", prefix=" + prefix + ", expiresAt=" + expiresAt + ", access=" + access + "]";
        }
    }

    /**
     * Issues a token for an account that can log in (claimed and enabled), audited with the signed-in person
     * as actor ({@code system} when nobody is signed in, as for a benchmark's set-up).
     *
     * @param name     what the owner calls it ("integrasi SIAK", "benchmark"), 1 to 100 characters
     * @param validity how long it works; {@code null} for the default (90 days), at most one year
     * @param access   what it may do; {@code null} for {@link Access#FULL}
     * @throws id.gerai.platform.InvalidInput with field keys {@code name}, {@code expiresInDays} (validity out of range)
     *                                        or {@code account} (no such account, or it cannot log in, or it already
     *                                        holds the maximum of active tokens, 100 by default: revoke the ones
     *                                        you no longer use)
     */
    IssuedToken issue(UUID accountId, String name, Duration validity, Access access);

    /** A {@link Access#FULL} token: {@link #issue(UUID, String, Duration, Access)}. */
    default IssuedToken issue(UUID accountId, String name, Duration validity) {
        return issue(accountId, name, validity, Access.FULL);
    }

    /**
     * Revokes one of the account's tokens, audited; revoking a token that is already revoked does nothing.
     *
     * @throws id.gerai.platform.GeraiException 404 ({@code api-token-not-found}) when the account has no such token
     */
    void revoke(UUID accountId, UUID tokenId);
}
