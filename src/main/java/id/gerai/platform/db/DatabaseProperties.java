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
 * @param poolSize      the connection pool's maximum size
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
        @Min(2) @Max(200) int poolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
