package id.gerai.identity.internal;

import id.gerai.identity.ApiTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_token} table. Every statement but the lookup by hash names the owning account. */
@Repository
class ApiTokenRepository {

    /** A token as its owner sees it in lists: never the secret, which is not stored. */
    record TokenRow(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                    Instant revokedAt, ApiTokens.Access access) {

        public boolean expired(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    /** What authentication needs of a token that is neither revoked nor expired. */
    record UsableToken(UUID id, UUID accountId, Instant expiresAt, Instant lastUsedAt, ApiTokens.Access access) {
    }

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID accountId, String name, String tokenHash, String prefix, Instant expiresAt,
                ApiTokens.Access access) {
        jdbc.sql("""
                insert into api_token (id, account_id, name, token_hash, prefix, expires_at, access)
                values (:id, :account, :name, :hash, :prefix, :expiresAt, :access)
                """)
                .param("id", id).param("account", accountId).param("name", name).param("hash", tokenHash)
                .param("prefix", prefix).param("expiresAt", Timestamp.from(expiresAt)).param("access", access.name())
                .update();
    }

    /** The unrevoked, unexpired token with this hash. */
    Optional<UsableToken> findUsable(String tokenHash) {
        return jdbc.sql("""
                        select id, account_id, expires_at, last_used_at, access from api_token
                        where token_hash = :hash and revoked_at is null and expires_at > now()
                        """)
                .param("hash", tokenHash)
                .query((rs, n) -> new UsableToken(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), instant(rs.getTimestamp(4)), ApiTokens.Access.valueOf(rs.getString(5))))
                .optional();
    }

    long countActive(UUID accountId) {
        return jdbc.sql("select count(*) from api_token where account_id = :account and revoked_at is null and expires_at > now()")
                .param("account", accountId).query(Long.class).single();
    }

    /** The account's unrevoked tokens (expired ones too, until revoked), newest first. */
    List<TokenRow> unrevoked(UUID accountId) {
        return jdbc.sql("""
                        select id, name, prefix, created_at, expires_at, last_used_at, revoked_at, access from api_token
                        where account_id = :account and revoked_at is null order by created_at desc, id
                        """)
                .param("account", accountId).query(this::row).list();
    }

    Optional<TokenRow> find(UUID accountId, UUID id) {
        return jdbc.sql("""
                        select id, name, prefix, created_at, expires_at, last_used_at, revoked_at, access from api_token
                        where account_id = :account and id = :id
                        """)
                .param("account", accountId).param("id", id).query(this::row).optional();
    }

    /** Revokes every token of the account not revoked yet (a closed account); the ids of those it revoked. */
    List<UUID> revokeAll(UUID accountId) {
        return jdbc.sql("update api_token set revoked_at = now() where account_id = :account and revoked_at is null returning id")
                .param("account", accountId).query(UUID.class).list();
    }

    /** Marks the token revoked; false when it was revoked already (or is not the account's). */
    boolean revoke(UUID accountId, UUID id) {
        return jdbc.sql("update api_token set revoked_at = now() where account_id = :account and id = :id and revoked_at is null")
                .param("account", accountId).param("id", id).update() == 1;
    }

    /**
     * Records a use, unless one was recorded within {@code interval}: the condition keeps the write rare even
     * when several nodes see the same token.
     */
    void touch(UUID id, Duration interval) {
        jdbc.sql("""
                update api_token set last_used_at = now()
                where id = :id and (last_used_at is null or last_used_at < now() - cast(:interval as interval))
                """)
                .param("id", id).param("interval", interval.toMillis() + " milliseconds").update();
    }

    private TokenRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TokenRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")),
                ApiTokens.Access.valueOf(rs.getString("access")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
