package id.gerai.platform.db;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where Gerai keeps its data. With no {@code url} an embedded PostgreSQL is started in
 * {@code dataDir/postgres}; with a {@code url} that server is used and nothing is started.
 *
 * @param dataDir       the data folder ({@code GERAI_DATA_DIR}), also home of the blob store
 * @param url           JDBC URL of an external PostgreSQL ({@code GERAI_DB_URL}); blank for embedded
 * @param user          the role the application works as; must not be a superuser nor bypass RLS
 * @param password      its password
 * @param ownerUser     the role that owns the tables and runs migrations; blank means {@code user}
 *                      (then every tenant table forces RLS on its owner as well)
 * @param ownerPassword its password
 * @param poolSize      the connection pool's maximum size ({@code GERAI_DB_POOL_SIZE}); unset: {@link #defaultPoolSize()}
 */
@Validated
@ConfigurationProperties("gerai.db")
public record DatabaseProperties(
        @NotNull Path dataDir,
        String url,
        String user,
        String password,
        String ownerUser,
        String ownerPassword,
        @Min(2) @Max(200) Integer poolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    /** The pool's size: the one set, else {@link #defaultPoolSize()}. */
    public int connections() {
        return poolSize != null ? poolSize : defaultPoolSize();
    }

    /**
     * Twice this machine's processors plus two, at least four: what PostgreSQL can work on at once without its backends
     * mostly waiting on each other. On the 2-core machine 20 connections under full load cost PostgreSQL about 60 %
     * more CPU per filing than 6 did (lock and scheduling contention), and the requests beyond the pool wait in
     * admission control instead. Right for the embedded server, which shares the machine; for a server of its own, set
     * the size from that server's cores.
     */
    public static int defaultPoolSize() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors() + 2);
    }
}
