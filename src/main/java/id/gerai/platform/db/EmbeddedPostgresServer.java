package id.gerai.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs PostgreSQL from the zonky binaries inside the data folder, so one command runs all of Gerai.
 *
 * <p>Zonky tunes PostgreSQL for throw-away test databases (fsync, synchronous_commit and
 * full_page_writes off). Gerai keeps citizens' submissions in it, so all three are turned back on:
 * a commit that was acknowledged survives a power cut.
 *
 * <p>Servers are shared per data folder within one JVM and reference-counted, so the test suite's
 * several Spring contexts use one server instead of starting one each.
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "gerai";
    static final String OWNER = "gerai_owner";
    static final String APP = "gerai_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final Path dir;
    private final EmbeddedPostgres postgres;
    private int users;

    private EmbeddedPostgresServer(Path dir, EmbeddedPostgres postgres) {
        this.dir = dir;
        this.postgres = postgres;
    }

    private static boolean hookRegistered;

    static synchronized EmbeddedPostgresServer acquire(Path dataDir) {
        if (!hookRegistered) {
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopAfterContexts, "gerai-embedded-postgres-stop"));
            hookRegistered = true;
        }
        Path dir = dataDir.resolve("postgres").toAbsolutePath().normalize();
        EmbeddedPostgresServer server = RUNNING.get(dir);
        if (server == null) {
            server = new EmbeddedPostgresServer(dir, start(dir));
            server.bootstrap();
            RUNNING.put(dir, server);
        }
        server.users++;
        return server;
    }

    static synchronized void release(EmbeddedPostgresServer server) {
        if (--server.users > 0) {
            return;
        }
        RUNNING.remove(server.dir);
        server.stop();
        EmbeddedPostgresServer.class.notifyAll();
    }

    private void stop() {
        try {
            log.info("Stopping embedded PostgreSQL in {}", dir);
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * On JVM exit (Ctrl-C), Spring closes its contexts in its own shutdown hook and releases the server
     * last, after the pool and everything using it are closed. Hooks run concurrently, so this one waits
     * for that before stopping PostgreSQL itself, and stops it anyway if the contexts never get there.
     */
    private static void stopAfterContexts() {
        synchronized (EmbeddedPostgresServer.class) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!RUNNING.isEmpty() && System.nanoTime() < deadline) {
                try {
                    EmbeddedPostgresServer.class.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            RUNNING.values().forEach(EmbeddedPostgresServer::stop);
            RUNNING.clear();
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    int port() {
        return postgres.getPort();
    }

    private static EmbeddedPostgres start(Path dir) {
        try {
            Files.createDirectories(dir);
            log.info("Starting embedded PostgreSQL in {}", dir);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    /** Creates the database, its owner and the RLS-bound application role, once. */
    private void bootstrap() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var roles = s.executeQuery("select count(*) from pg_roles where rolname in ('" + OWNER + "','" + APP + "')");
            roles.next();
            if (roles.getInt(1) < 2) {
                s.execute("create role " + OWNER + " login");
                s.execute("create role " + APP + " login nosuperuser nobypassrls");
            }
            var db = s.executeQuery("select count(*) from pg_database where datname = '" + DATABASE + "'");
            db.next();
            if (db.getInt(1) == 0) {
                s.execute("create database " + DATABASE + " owner " + OWNER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL", e);
        }
        try (Connection c = postgres.getDatabase("postgres", DATABASE).getConnection(); Statement s = c.createStatement()) {
            s.execute("alter schema public owner to " + OWNER);
            s.execute("grant connect on database " + DATABASE + " to " + APP);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL database", e);
        }
    }
}
