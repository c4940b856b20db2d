package id.gerai.audit.internal;

import com.zaxxer.hikari.HikariDataSource;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test helper: writes audit records the way other modules do, reads chains across tenants, and reaches
 * around the application as the embedded server's superuser to tamper with rows like an intruder would.
 */
final class AuditDatabase {

    /** A sealed row as stored. */
    record Sealed(long id, String chain, long seq, String prevHash, String hash) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    AuditDatabase(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    static TenantId freshTenant() {
        return new TenantId(UUID.randomUUID());
    }

    /** Records one event in its own transaction, in the tenant's scope (installation scope when null). */
    void record(AuditLog log, TenantId tenant, String action, Map<String, ?> after) {
        Runnable work = () -> tx.executeWithoutResult(s -> log.record(
                AuditEvent.of(tenant, action, "thing", UUID.randomUUID(), null, after)));
        if (tenant == null) {
            work.run();
        } else {
            TenantContext.run(tenant, work);
        }
    }

    /** The sealed rows of a chain in chain order, read across tenants. */
    List<Sealed> chain(String chain) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select record_id, chain, chain_seq, prev_hash, hash from audit_seal
                        where chain = ? order by chain_seq""")
                .param(chain)
                .query((rs, n) -> new Sealed(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
                .list());
    }

    long count(String sqlAcrossTenants, Object... params) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql(sqlAcrossTenants).params(params).query(Long.class).single());
    }

    /** A connection as the server's superuser (trust authentication on localhost), past grants and RLS. */
    Connection superuser() throws SQLException {
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        return DriverManager.getConnection(url, "postgres", "");
    }

    /** Runs statements as superuser with triggers off, as someone would who means to hide a change. */
    void tamper(String... statements) throws SQLException {
        try (Connection c = superuser(); var s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
