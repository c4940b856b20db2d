package id.gerai.region.internal;

import id.gerai.region.RegionLevel;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the region list into the {@code region} table when the application starts, before any other
 * start-up work (highest precedence: tenants and demo data refer to region codes). Runners finish before
 * Spring Boot reports the application ready ({@code /actuator/health/readiness}), so no traffic is routed
 * to a node whose list is incomplete; and since the import is one transaction, a request that arrives
 * anyway sees the previous list, never half of the new one.
 *
 * <p>Fast and repeatable: when the newest {@code region_import} row names the same dataset, version and
 * checksum and the table still holds that many current rows, nothing is written (tens of milliseconds).
 * Otherwise the CSV files are read and checked ({@link RegionCsv}), sent with {@code COPY} into a
 * temporary table, and merged: new codes inserted, changed rows updated, unchanged rows left alone.
 * Codes the dataset no longer has are retired, never deleted, and come back if a later dataset has them
 * again. All of it is one transaction under an advisory lock, so nodes starting together import once
 * and a failed import leaves the old list intact.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegionImporter implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegionImporter.class);
    /** Any constant will do; it only has to be the same on every node. */
    private static final long LOCK = 0x6765726169_00_01L; // "gerai", region import

    /** What an import did. */
    record Outcome(boolean skipped, Map<RegionLevel, Integer> counts, int inserted, int updated, int retired, long millis) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final RegionService regions;

    RegionImporter(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, RegionService regions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.regions = regions;
    }

    @Override
    public void run(ApplicationArguments args) {
        importIfChanged(RegionDataset.bundled());
    }

    /** Imports {@code dataset} unless exactly it is already in place. */
    Outcome importIfChanged(RegionDataset dataset) {
        return importDataset(dataset, false);
    }

    /** Imports {@code dataset}, also when it is already in place: repairs rows edited by hand. */
    Outcome importDataset(RegionDataset dataset, boolean force) {
        long start = System.nanoTime();
        String checksum = dataset.checksum();
        Outcome outcome = transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(rs -> { });
            Map<RegionLevel, Integer> current = currentCounts();
            if (!force && alreadyImported(dataset, checksum, current)) {
                return new Outcome(true, current, 0, 0, 0, millisSince(start));
            }
            return merge(dataset, checksum, start);
        });
        // lookups made before (or while) the list changed must not outlive it
        regions.forget();
        if (outcome.inserted() + outcome.updated() + outcome.retired() > 0) {
            tidyUp();
        }
        if (outcome.skipped()) {
            log.info("Region codes {} {} already imported ({} villages)", dataset.name(), dataset.version(),
                    outcome.counts().get(RegionLevel.VILLAGE));
        } else {
            log.info("Region codes {} {} imported in {} ms: {}; {} new, {} changed, {} retired", dataset.name(),
                    dataset.version(), outcome.millis(), outcome.counts(), outcome.inserted(), outcome.updated(),
                    outcome.retired());
        }
        return outcome;
    }

    /**
     * Vacuums and analyses the table after a change, outside the import's transaction (VACUUM cannot run in
     * one). New rows first land in the trigram index's pending list, which every search then reads
     * sequentially; until autovacuum comes by, searches would be several times slower, and the planner
     * would lack statistics. The application role may do this through the MAINTAIN privilege
     * (PostgreSQL 17); without it PostgreSQL only warns and autovacuum does it a little later.
     */
    private void tidyUp() {
        try {
            jdbc.sql("vacuum (analyze) region").update();
        } catch (DataAccessException e) {
            log.warn("Could not vacuum the region table after the import; autovacuum will: {}", e.getMessage());
        }
    }

    private boolean alreadyImported(RegionDataset dataset, String checksum, Map<RegionLevel, Integer> current) {
        Optional<Map<RegionLevel, Integer>> recorded = jdbc.sql("""
                        select provinces, regencies, districts, villages from region_import
                        where dataset = :dataset and version = :version and checksum = :checksum
                          and id = (select max(id) from region_import)
                        """)
                .param("dataset", dataset.name())
                .param("version", dataset.version())
                .param("checksum", checksum)
                .query((rs, row) -> counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .optional();
        // The counts guard against rows deleted or retired behind the importer's back.
        return recorded.filter(current::equals).isPresent();
    }

    private Outcome merge(RegionDataset dataset, String checksum, long start) {
        List<RegionCsv.Row> rows = RegionCsv.read(dataset);
        Map<RegionLevel, Integer> counts = counts(0, 0, 0, 0);
        rows.forEach(r -> counts.merge(r.level(), 1, Integer::sum));

        jdbc.sql("""
                create temporary table region_staging (
                    code text collate "C", parent_code text collate "C", name text, level text, kind text
                ) on commit drop
                """).update();
        // No ANALYZE: the planner sizes a fresh temporary table from its pages, enough to pick the hash
        // joins below, and analysing it would cost as much as the joins.
        copy("copy region_staging (code, parent_code, name, level, kind) from stdin", RegionCsv.copyText(rows));

        // Separate statements rather than one INSERT ... ON CONFLICT: the speculative insertion per row
        // makes an upsert of 91k unchanged rows take seconds, while anti- and hash joins take milliseconds.
        int inserted = jdbc.sql("""
                        insert into region (code, parent_code, name, level, kind, dataset_version)
                        select s.code, s.parent_code, s.name, s.level, s.kind, :version
                        from region_staging s
                        where not exists (select 1 from region r where r.code = s.code)
                        """)
                .param("version", dataset.version())
                .update();
        // dataset_version records the release that added or last changed a row, so a new release does
        // not rewrite the rows it left as they were.
        int updated = jdbc.sql("""
                        update region r
                        set parent_code = s.parent_code, name = s.name, level = s.level, kind = s.kind,
                            dataset_version = :version, retired_at = null, updated_at = now()
                        from region_staging s
                        where s.code = r.code
                          and (r.parent_code, r.name, r.level, r.kind, r.retired_at)
                              is distinct from (s.parent_code, s.name, s.level, s.kind, null)
                        """)
                .param("version", dataset.version())
                .update();
        int retired = jdbc.sql("""
                        update region r set retired_at = now(), updated_at = now()
                        where r.retired_at is null
                          and not exists (select 1 from region_staging s where s.code = r.code)
                        """)
                .update();
        long millis = millisSince(start);
        jdbc.sql("""
                        insert into region_import (dataset, version, checksum, provinces, regencies, districts, villages,
                                                   inserted, updated, retired, duration_ms)
                        values (:dataset, :version, :checksum, :provinces, :regencies, :districts, :villages,
                                :inserted, :updated, :retired, :millis)
                        """)
                .param("dataset", dataset.name())
                .param("version", dataset.version())
                .param("checksum", checksum)
                .param("provinces", counts.get(RegionLevel.PROVINCE))
                .param("regencies", counts.get(RegionLevel.REGENCY))
                .param("districts", counts.get(RegionLevel.DISTRICT))
                .param("villages", counts.get(RegionLevel.VILLAGE))
                .param("inserted", inserted)
                .param("updated", updated)
                .param("retired", retired)
                .param("millis", (int) millis)
                .update();
        return new Outcome(false, counts, inserted, updated, retired, millis);
    }

    private Map<RegionLevel, Integer> currentCounts() {
        Map<RegionLevel, Integer> counts = counts(0, 0, 0, 0);
        jdbc.sql("select level, count(*) from region where retired_at is null group by level")
                .query(rs -> {
                    counts.put(RegionLevel.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    private void copy(String sql, String rows) {
        // COPY needs the driver's own API, on the connection of the surrounding transaction.
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not load region data: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static Map<RegionLevel, Integer> counts(int provinces, int regencies, int districts, int villages) {
        Map<RegionLevel, Integer> counts = new EnumMap<>(RegionLevel.class);
        counts.put(RegionLevel.PROVINCE, provinces);
        counts.put(RegionLevel.REGENCY, regencies);
        counts.put(RegionLevel.DISTRICT, districts);
        counts.put(RegionLevel.VILLAGE, villages);
        return counts;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
