package id.gerai.support;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A database of its own in the tests' shared PostgreSQL server, for a test of a migration: created empty, migrated by
 * the real migrations up to a version, seeded by the test, migrated on, and dropped when closed.
 */
public final class MigrationDatabase implements AutoCloseable {

    private final String base;
    private final String name;
    private final String url;
    private final String appRole;

    private MigrationDatabase(String base, String name, String appRole) {
        this.base = base;
        this.name = name;
        this.url = base.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        this.appRole = appRole;
    }

    /**
     * Creates the database beside the one {@code dataSource} (the application's pool) uses.
     *
     * @param appRole the {@code app_role} placeholder the migrations grant to
     * @param prefix  how the database's name begins, e.g. {@code audit_migration}
     */
    public static MigrationDatabase create(DataSource dataSource, String appRole, String prefix) throws SQLException {
        String base = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        MigrationDatabase db = new MigrationDatabase(base, prefix + "_" + UUID.randomUUID().toString().replace("-", ""), appRole);
        db.admin("create database " + db.name);
        return db;
    }

    /** Where the database is, for connections as the superuser ({@code postgres}, no password). */
    public String url() {
        return url;
    }

    /** Runs the migrations up to {@code target} (a version such as {@code 65}; null: all of them). */
    public void migrate(String target) {
        var config = Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration")
                .placeholders(Map.of("app_role", appRole));
        if (target != null) {
            config = config.target(target);
        }
        config.load().migrate();
    }

    @Override
    public void close() throws SQLException {
        admin("drop database if exists " + name + " with (force)");
    }

    private void admin(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(base, "postgres", ""); var s = admin.createStatement()) {
            s.execute(sql);
        }
    }
}
