package id.gerai.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import id.gerai.support.GeraiIntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With GERAI_DB_URL Gerai uses that server and starts no embedded one; it refuses a role that RLS would
 * not bind. The suite's own embedded server plays the external one here.
 */
@GeraiIntegrationTest
class ExternalDatabaseIT {

    @Autowired
    DataSource dataSource;

    @Test
    void usesTheConfiguredServerAndStartsNoEmbeddedOne() throws Exception {
        String url = jdbcUrl();
        var properties = new DatabaseProperties(java.nio.file.Path.of("target/never-created"), url, "gerai_app", "", null, null, 4);
        var server = new DatabaseConfiguration.DatabaseServer(properties);
        DataSource external = new DatabaseConfiguration().dataSource(server, properties, java.time.Duration.ofSeconds(10));
        try (Connection c = external.getConnection(); ResultSet r = c.createStatement().executeQuery("select current_user")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("gerai_app");
            assertThat(((TenantAwareDataSource) external).getTargetDataSource().unwrap(HikariDataSource.class).getMaximumPoolSize())
                    .isEqualTo(4);
        } finally {
            ((TenantAwareDataSource) external).getTargetDataSource().unwrap(HikariDataSource.class).close();
            server.destroy();
        }
        assertThat(java.nio.file.Path.of("target/never-created")).doesNotExist();
    }

    @Test
    void withoutASetSizeThePoolFollowsTheMachinesProcessors() throws Exception {
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(DatabaseProperties.defaultPoolSize()).isEqualTo(Math.max(4, 2 * processors + 2));
        // the suite's application context leaves GERAI_DB_POOL_SIZE unset
        assertThat(((TenantAwareDataSource) dataSource).getTargetDataSource().unwrap(HikariDataSource.class).getMaximumPoolSize())
                .isEqualTo(DatabaseProperties.defaultPoolSize());
        assertThat(new DatabaseProperties(java.nio.file.Path.of("x"), null, null, null, null, null, 9).connections()).isEqualTo(9);
    }

    @Test
    void refusesARoleThatBypassesRowLevelSecurity() throws Exception {
        var properties = new DatabaseProperties(java.nio.file.Path.of("target/never-created"), jdbcUrl(), "postgres", "", null, null, 2);
        var server = new DatabaseConfiguration.DatabaseServer(properties);
        assertThatThrownBy(() -> new DatabaseConfiguration().dataSource(server, properties, java.time.Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BYPASSRLS");
    }

    @Test
    void refusesAnUrlWithoutUser() {
        var properties = new DatabaseProperties(java.nio.file.Path.of("x"), "jdbc:postgresql://localhost:1/gerai", "", "", null, null, 2);
        assertThatThrownBy(() -> new DatabaseConfiguration.DatabaseServer(properties))
                .hasMessageContaining("GERAI_DB_USER");
    }

    private String jdbcUrl() throws Exception {
        return ((TenantAwareDataSource) dataSource).getTargetDataSource().unwrap(HikariDataSource.class).getJdbcUrl();
    }
}
