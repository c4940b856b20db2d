package id.gerai.platform.db;

import id.gerai.platform.TenantContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Copies the thread's {@link TenantContext} into the PostgreSQL session of every connection it hands
 * out, where the row-level security policies read it ({@code gerai.tenant_id}, {@code gerai.cross_tenant}).
 * A connection taken outside any tenant scope sees no tenant rows at all.
 */
final class TenantAwareDataSource extends DelegatingDataSource {

    private static final String APPLY = "select set_config('gerai.tenant_id', ?, false), set_config('gerai.cross_tenant', ?, false)";

    TenantAwareDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return apply(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return apply(super.getConnection(username, password));
    }

    private static Connection apply(Connection connection) throws SQLException {
        TenantContext.Scope scope = TenantContext.scope();
        try (PreparedStatement s = connection.prepareStatement(APPLY)) {
            s.setString(1, scope.tenant() == null ? "" : scope.tenant().toString());
            s.setString(2, scope.acrossTenants() ? "on" : "off");
            s.execute();
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
