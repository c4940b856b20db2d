package id.gerai.notification.internal;

import id.gerai.notification.OutboxMessage;
import id.gerai.platform.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification_outbox} table. Every statement runs under row-level security, so reading or
 * changing installation-wide rows needs a cross-tenant scope; the dispatcher and the queries enter it.
 */
@Repository
class OutboxRepository {

    static final String EMAIL = OutboxMessage.EMAIL;
    static final String GATEWAY = OutboxMessage.GATEWAY;

    /** A message claimed for sending. */
    record Claimed(UUID id, TenantId tenant, String recipient, String subject, String body, int attempts) {
    }

    private static final String COLUMNS = """
            id, tenant_id, channel, recipient, subject, body, status, attempts, created_at, next_attempt_at,
            last_error, sent_at""";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message to queue: checked by the caller, written as it is. */
    record Row(UUID id, TenantId tenant, String channel, String recipient, String subject, String body) {
    }

    /** Writes {@code rows} as pending messages, due now, in one statement (a transition's e-mail and text together). */
    void insert(List<Row> rows) {
        jdbc.sql("""
                        insert into notification_outbox (id, tenant_id, channel, recipient, subject, body, status, attempts,
                                                         next_attempt_at, created_at)
                        select id, tenant_id, channel, recipient, subject, body, 'PENDING', 0, now(), now()
                        from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[])
                            as r(id, tenant_id, channel, recipient, subject, body)
                        """)
                .params(rows.stream().map(Row::id).toArray(UUID[]::new),
                        rows.stream().map(r -> r.tenant() == null ? null : r.tenant().value()).toArray(UUID[]::new),
                        rows.stream().map(Row::channel).toArray(String[]::new),
                        rows.stream().map(Row::recipient).toArray(String[]::new),
                        rows.stream().map(Row::subject).toArray(String[]::new),
                        rows.stream().map(Row::body).toArray(String[]::new))
                .update();
    }

    /**
     * Claims up to {@code limit} due messages of one channel and any tenant, oldest due first, by moving their
     * next attempt one lease ahead. Rows another dispatcher is claiming at the same moment are skipped, not waited for,
     * and once the claim commits the rows are no longer due, so no two dispatchers send the same message.
     * If this node dies while sending, the lease runs out and the messages are sent again (at least once).
     * Each channel is claimed on its own, so a slow mail server never holds up text messages, nor the reverse.
     */
    List<Claimed> claimDue(String channel, int limit, Duration lease) {
        return jdbc.sql("""
                        with due as (
                            select id from notification_outbox
                            where status = 'PENDING' and channel = :channel and next_attempt_at <= now()
                            order by next_attempt_at, created_at
                            limit :limit
                            for update skip locked)
                        update notification_outbox o
                           set next_attempt_at = now() + make_interval(secs => :lease)
                          from due
                         where o.id = due.id
                        returning o.id, o.tenant_id, o.recipient, o.subject, o.body, o.attempts, o.next_attempt_at
                        """)
                .param("channel", channel).param("limit", limit).param("lease", (double) lease.toMillis() / 1000)
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), tenant(rs), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts")))
                .list();
    }

    void markSent(Claimed m) {
        jdbc.sql("""
                        update notification_outbox
                           set status = 'SENT', sent_at = now(), last_error = null
                         where id = :id and tenant_id is not distinct from :tenant and status = 'PENDING'
                        """)
                .param("id", m.id()).param("tenant", m.tenant() == null ? null : m.tenant().value())
                .update();
    }

    /** Makes a claimed message due again at once, for the next round. */
    void release(Claimed m) {
        jdbc.sql("""
                        update notification_outbox set next_attempt_at = now()
                         where id = :id and tenant_id is not distinct from :tenant and status = 'PENDING'
                        """)
                .param("id", m.id()).param("tenant", m.tenant() == null ? null : m.tenant().value())
                .update();
    }

    /** Records a failed attempt: tried again after {@code retryIn}, or given up on when it is null. */
    void markFailedAttempt(Claimed m, String error, Duration retryIn) {
        jdbc.sql("""
                        update notification_outbox
                           set attempts = attempts + 1,
                               last_error = :error,
                               status = case when :giveUp then 'FAILED' else 'PENDING' end,
                               next_attempt_at = case when :giveUp then next_attempt_at
                                                      else now() + make_interval(secs => :retryIn) end
                         where id = :id and tenant_id is not distinct from :tenant and status = 'PENDING'
                        """)
                .param("error", error).param("giveUp", retryIn == null)
                .param("retryIn", retryIn == null ? 0.0 : (double) retryIn.toSeconds())
                .param("id", m.id()).param("tenant", m.tenant() == null ? null : m.tenant().value())
                .update();
    }

    /**
     * Deletes up to {@code limit} sent or failed messages created before {@code before}, oldest first, in any tenant
     * (the caller is in a cross-tenant scope); the tenant of each deleted message ({@code null} for
     * installation-wide mail). Pending messages are never touched.
     */
    List<UUID> deleteFinishedBefore(java.time.Instant before, int limit) {
        return jdbc.sql("""
                        delete from notification_outbox
                        where id in (select id from notification_outbox
                                     where status in ('SENT', 'FAILED') and created_at < :before
                                     order by created_at limit :limit)
                        returning tenant_id""")
                .param("before", java.sql.Timestamp.from(before)).param("limit", limit)
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    List<OutboxMessage> recent(String recipient, int limit) {
        if (recipient == null) {
            return jdbc.sql("select " + COLUMNS + " from notification_outbox order by created_at desc, id limit :limit")
                    .param("limit", limit).query(this::message).list();
        }
        return jdbc.sql("select " + COLUMNS + """
                         from notification_outbox
                        where lower(recipient) = lower(:recipient)
                        order by created_at desc, id
                        limit :limit
                        """)
                .param("recipient", recipient).param("limit", limit).query(this::message).list();
    }

    private OutboxMessage message(ResultSet rs, int n) throws SQLException {
        return new OutboxMessage(rs.getObject("id", UUID.class), tenant(rs), rs.getString("channel"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), OutboxMessage.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
                instant(rs, "sent_at"));
    }

    private static TenantId tenant(ResultSet rs) throws SQLException {
        UUID tenant = rs.getObject("tenant_id", UUID.class);
        return tenant == null ? null : new TenantId(tenant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
