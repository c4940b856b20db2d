package id.gerai.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The two connections Gerai makes: migrations run as the tables' owner, the application works as a
 * role that row-level security binds. Start-up is refused when the application role is a superuser or
 * may bypass RLS, since then the second wall between tenants would be down without anyone noticing.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Where the database is, started here when embedded. */
    static final class DatabaseServer implements DisposableBean {
        final String url;
        final String user;
        final String password;
        final String ownerUser;
        final String ownerPassword;
        private final EmbeddedPostgresServer embedded;

        DatabaseServer(DatabaseProperties p) {
            if (p.embedded()) {
                embedded = EmbeddedPostgresServer.acquire(p.dataDir());
                url = embedded.jdbcUrl();
                user = EmbeddedPostgresServer.APP;
                password = "";
                ownerUser = EmbeddedPostgresServer.OWNER;
                ownerPassword = "";
                log.info("Embedded PostgreSQL listening on port {} (database {})", embedded.port(), EmbeddedPostgresServer.DATABASE);
            } else {
                embedded = null;
                if (p.user() == null || p.user().isBlank()) {
                    throw new IllegalStateException("GERAI_DB_USER must be set when GERAI_DB_URL is set");
                }
                url = p.url();
                user = p.user();
                password = p.password() == null ? "" : p.password();
                boolean separateOwner = p.ownerUser() != null && !p.ownerUser().isBlank();
                ownerUser = separateOwner ? p.ownerUser() : user;
                ownerPassword = separateOwner ? (p.ownerPassword() == null ? "" : p.ownerPassword()) : password;
            }
        }

        @Override
        public void destroy() {
            if (embedded != null) {
                EmbeddedPostgresServer.release(embedded);
            }
        }
    }

    @Bean
    DatabaseServer databaseServer(DatabaseProperties properties) {
        return new DatabaseServer(properties);
    }

    @Bean
    @Primary
    DataSource dataSource(DatabaseServer server, DatabaseProperties properties,
                          @org.springframework.beans.factory.annotation.Value("${gerai.db.connection-wait:10s}")
                          java.time.Duration connectionWait) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("gerai");
        config.setJdbcUrl(server.url);
        config.setUsername(server.user);
        config.setPassword(server.password);
        config.setMaximumPoolSize(properties.connections());
        config.setMinimumIdle(2);
        // a request waits at most this long for a connection, then is answered 503 (see platform.web.AdmissionControl,
        // which keeps most requests from waiting here at all)
        config.setConnectionTimeout(connectionWait.toMillis());
        HikariDataSource pool = new HikariDataSource(config);
        refuseRoleThatBypassesRls(pool);
        return new TenantAwareDataSource(pool);
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(DatabaseServer server) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), server.url, server.ownerUser, server.ownerPassword);
    }

    private static void refuseRoleThatBypassesRls(DataSource pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
            r.next();
            if (r.getBoolean(2) || r.getBoolean(3)) {
                throw new IllegalStateException("GERAI_DB_USER '" + r.getString(1)
                        + "' is a superuser or has BYPASSRLS: row-level security would not separate tenants. "
                        + "Use an ordinary role (see README, 'Running on your own PostgreSQL').");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
        }
    }
}
