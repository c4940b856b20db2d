package id.gerai.identity.internal;

import java.time.Duration;
import java.time.Instant;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.platform.Masking;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed logins for one login name within
 * {@link #WINDOW}, that name is locked for {@link #LOCK}. Names that do not exist are counted the same
 * way, so the lock reveals nothing about which accounts exist. Kept in the database, so every node
 * behind a load balancer sees the same count.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    LoginThrottle(JdbcClient jdbc, AuditLog audit, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * Counts a wrong password for {@code login} in a transaction of its own (the refusal that follows must not undo
     * it) and, when this failure locks the name, leaves the audit record {@code identity.login.locked} by the system,
     * naming the login masked: the log is kept long and must not become a list of e-mail addresses and NIKs.
     *
     * @return whether the name is now locked
     */
    boolean countFailure(String login) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            boolean locked = failed(login);
            if (locked) {
                audit.record(AuditEvent.of(null, "identity.login.locked", "login", masked(login), null,
                        Map.of("minutes", LOCK.toMinutes())).byActor("system"));
            }
            return locked;
        }));
    }

    /** A login name as the audit log keeps it: an e-mail or a NIK masked, anything else hidden. */
    static String masked(String login) {
        String k = key(login);
        if (k.indexOf('@') > 0) {
            return Masking.email(k);
        }
        return k.matches("\\d{16}") ? Masking.nik(k) : "***";
    }

    /** When the name is locked, until when. */
    Optional<Instant> lockedUntil(String login) {
        return jdbc.sql("select locked_until from login_throttle where login_key = :k and locked_until > now()")
                .param("k", key(login)).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant);
    }

    /** Counts a failure; true when this failure locked the name. */
    boolean failed(String login) {
        return jdbc.sql("""
                insert into login_throttle (login_key, failures, first_failure_at) values (:k, 1, now())
                on conflict (login_key) do update set
                    failures = case when login_throttle.first_failure_at < now() - cast(:window as interval) then 1 else login_throttle.failures + 1 end,
                    first_failure_at = case when login_throttle.first_failure_at < now() - cast(:window as interval) then now() else login_throttle.first_failure_at end,
                    locked_until = case when login_throttle.first_failure_at >= now() - cast(:window as interval)
                                             and login_throttle.failures + 1 >= :max then now() + cast(:lock as interval)
                                        else login_throttle.locked_until end
                returning locked_until is not null and locked_until > now()
                """)
                .param("k", key(login)).param("window", WINDOW.toSeconds() + " seconds")
                .param("lock", LOCK.toSeconds() + " seconds").param("max", MAX_FAILURES)
                .query(Boolean.class).single();
    }

    void succeeded(String login) {
        jdbc.sql("delete from login_throttle where login_key = :k").param("k", key(login)).update();
    }

    private static String key(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }
}
