package id.gerai.platform.db;

import id.gerai.platform.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Copies the thread's {@link TenantContext} into the PostgreSQL session of every connection it hands
 * out, where the row-level security policies read it ({@code gerai.tenant_id}, {@code gerai.cross_tenant}).
 * A connection taken outside any tenant scope sees no tenant rows at all.
 *
 * <p>The settings are session settings, so a pooled connection keeps them between loans. The scope last
 * applied to each server connection is remembered, and a loan in the same scope sends nothing: one round trip
 * less for nearly every transaction. This is safe because nothing but this class sets the two settings and it
 * sets them outside any transaction (a pool hands out connections in auto-commit), so a rollback cannot undo
 * them behind its back; if anything ever reset them ({@code RESET ALL}, {@code DISCARD ALL}) the connection
 * would see no tenant at all, never another tenant's rows.
 */
final class TenantAwareDataSource extends DelegatingDataSource {

    private static final String APPLY = "select set_config('gerai.tenant_id', ?, false), set_config('gerai.cross_tenant', ?, false)";

    /** The scope each server connection holds now, by the driver's connection (weak: closed ones go away). */
    private final Map<PGConnection, TenantContext.Scope> applied = Collections.synchronizedMap(new WeakHashMap<>());

    TenantAwareDataSource(DataSource target) {
        super(target);
        TenantContext.transactionScopeFrom(TenantAwareDataSource::scopeOfTransaction);
    }

    /**
     * The scope the current transaction's connection was taken with: remembered when it was handed out in auto-commit,
     * just before the transaction manager began the transaction on it. Empty outside a transaction on a data source of
     * this kind. Static, looking through the thread's bound resources, so that it answers for whichever data source the
     * transaction runs on when several application contexts (tests) each have one.
     */
    static Optional<TenantContext.Scope> scopeOfTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        for (Map.Entry<Object, Object> bound : TransactionSynchronizationManager.getResourceMap().entrySet()) {
            if (bound.getKey() instanceof TenantAwareDataSource source && bound.getValue() instanceof ConnectionHolder holder
                    && holder.getConnectionHandle() != null) {
                try {
                    Connection c = holder.getConnection();
                    return c.isWrapperFor(PGConnection.class)
                            ? Optional.ofNullable(source.applied.get(c.unwrap(PGConnection.class))) : Optional.empty();
                } catch (SQLException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return apply(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return apply(super.getConnection(username, password));
    }

    private Connection apply(Connection connection) throws SQLException {
        TenantContext.Scope scope = TenantContext.scope();
        PGConnection server = connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : null;
        boolean autoCommit = connection.getAutoCommit();
        if (server != null && autoCommit && scope.equals(applied.get(server))) {
            return connection;
        }
        if (server != null) {
            // set inside a transaction the value may still be rolled back: not remembered, applied again next time
            applied.remove(server);
        }
        try (PreparedStatement s = connection.prepareStatement(APPLY)) {
            s.setString(1, scope.tenant() == null ? "" : scope.tenant().toString());
            s.setString(2, scope.acrossTenants() ? "on" : "off");
            s.execute();
            if (server != null && autoCommit) {
                applied.put(server, scope);
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            if (server != null) {
                applied.remove(server);
            }
            connection.close();
            throw e;
        }
    }
}
