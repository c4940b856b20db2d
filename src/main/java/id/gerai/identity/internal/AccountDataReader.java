package id.gerai.identity.internal;

import id.gerai.identity.AccountData;
import id.gerai.identity.ApiTokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link AccountData}: the account and token rows read as they are. Both tables are installation-wide (no tenant, no
 * row-level security), so no tenant scope is needed. The columns are named one by one so the password hash and the
 * token hash never leave this class.
 */
@Component
class AccountDataReader implements AccountData {

    private final JdbcClient jdbc;

    AccountDataReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Profile> profile(UUID accountId) {
        return jdbc.sql("""
                        select id, kind, full_name, nik, email, phone, enabled, platform_roles, consent_at, claimed_at,
                               created_at, updated_at
                        from account where id = ?""")
                .param(accountId)
                .query((rs, n) -> new Profile(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("full_name"),
                        rs.getString("nik"), rs.getString("email"), rs.getString("phone"), rs.getBoolean("enabled"),
                        roles(rs), instant(rs, "consent_at"), instant(rs, "claimed_at"), instant(rs, "created_at"),
                        instant(rs, "updated_at")))
                .optional();
    }

    @Override
    public List<Token> tokens(UUID accountId) {
        return jdbc.sql("""
                        select id, name, prefix, access, created_at, expires_at, last_used_at, revoked_at
                        from api_token where account_id = ? order by created_at desc, id""")
                .param(accountId)
                .query((rs, n) -> new Token(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                        ApiTokens.Access.valueOf(rs.getString("access")), instant(rs, "created_at"), instant(rs, "expires_at"),
                        instant(rs, "last_used_at"), instant(rs, "revoked_at")))
                .list();
    }

    @Override
    public List<OidcLink> oidcLinks(UUID accountId) {
        return jdbc.sql("""
                        select issuer, subject, linked_at, last_used_at
                        from account_oidc_link where account_id = ? order by linked_at, issuer""")
                .param(accountId)
                .query((rs, n) -> new OidcLink(rs.getString("issuer"), rs.getString("subject"), instant(rs, "linked_at"),
                        instant(rs, "last_used_at")))
                .list();
    }

    private static List<String> roles(ResultSet rs) throws SQLException {
        java.sql.Array array = rs.getArray("platform_roles");
        return array == null ? List.of() : Arrays.stream((String[]) array.getArray()).sorted().toList();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
