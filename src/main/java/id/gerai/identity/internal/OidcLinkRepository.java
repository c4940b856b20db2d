package id.gerai.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code account_oidc_link} rows: installation-wide like the accounts they belong to. */
@Repository
class OidcLinkRepository {

    record Link(String issuer, String subject, UUID accountId, Instant linkedAt, Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;

    OidcLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Link> find(String issuer, String subject) {
        return jdbc.sql("select * from account_oidc_link where issuer = :issuer and subject = :subject")
                .param("issuer", issuer).param("subject", subject).query(this::row).optional();
    }

    List<Link> of(UUID accountId) {
        return jdbc.sql("select * from account_oidc_link where account_id = :id order by linked_at, issuer")
                .param("id", accountId).query(this::row).list();
    }

    /** False when the identity is linked already, or the account has an identity at this issuer already. */
    boolean insert(String issuer, String subject, UUID accountId) {
        return jdbc.sql("""
                insert into account_oidc_link (issuer, subject, account_id) values (:issuer, :subject, :account)
                on conflict do nothing
                """)
                .param("issuer", issuer).param("subject", subject).param("account", accountId).update() == 1;
    }

    void touch(String issuer, String subject) {
        jdbc.sql("update account_oidc_link set last_used_at = now() where issuer = :issuer and subject = :subject")
                .param("issuer", issuer).param("subject", subject).update();
    }

    /** The removed link, if the account had one at this issuer. */
    Optional<Link> delete(UUID accountId, String issuer) {
        return jdbc.sql("delete from account_oidc_link where account_id = :account and issuer = :issuer returning *")
                .param("account", accountId).param("issuer", issuer).query(this::row).optional();
    }

    int deleteAll(UUID accountId) {
        return jdbc.sql("delete from account_oidc_link where account_id = :account").param("account", accountId).update();
    }

    private Link row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp used = rs.getTimestamp("last_used_at");
        return new Link(rs.getString("issuer"), rs.getString("subject"), rs.getObject("account_id", UUID.class),
                rs.getTimestamp("linked_at").toInstant(), used == null ? null : used.toInstant());
    }
}
