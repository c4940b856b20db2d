package id.gerai.audit.internal;

import id.gerai.support.GeraiIntegrationTest;
import id.gerai.support.MigrationDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An installation whose audit rows were sealed in place (before V66) keeps every seal: they move to
 * {@code audit_seal} unchanged, the mark stands on the last row sealed, and the rows not sealed yet are the ones the
 * sealer takes next. Runs the real migrations on a database of its own in the shared server.
 */
@GeraiIntegrationTest
class AuditSealMigrationIT {

    @Autowired DataSource dataSource;
    @Value("${spring.flyway.placeholders.app_role}") String appRole;

    @Test
    void sealsMadeInPlaceMoveToTheirOwnTableAndTheUnsealedRowsStayQueued() throws SQLException {
        try (MigrationDatabase db = MigrationDatabase.create(dataSource, appRole, "audit_migration")) {
            String url = db.url();
            db.migrate("65");
            String tenant = UUID.randomUUID().toString();
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
                for (int i = 0; i < 3; i++) {
                    jdbc.sql("insert into audit_record (tenant_id, actor, action, entity_type, entity_id, after_data) "
                                    + "values (?::uuid, 'system', 'test.migration', 'thing', ?, ?::jsonb)")
                            .params(tenant, String.valueOf(i), "{\"i\": " + i + "}").update();
                }
                // the first two sealed as the sealer before V66 did: in place, in (txid, id) order
                List<Long> ids = jdbc.sql("select id from audit_record order by txid, id").query(Long.class).list();
                String prev = ChainHash.GENESIS;
                for (int i = 0; i < 2; i++) {
                    String canonical = jdbc.sql("select " + ChainHash.CANONICAL_SQL + " from audit_record where id = ?")
                            .param(ids.get(i)).query(String.class).single();
                    String hash = ChainHash.of(prev, tenant, i + 1, canonical);
                    jdbc.sql("update audit_record set chain = ?, chain_seq = ?, prev_hash = ?, hash = ?, sealed_at = now() where id = ?")
                            .params(tenant, i + 1, prev, hash, ids.get(i)).update();
                    prev = hash;
                }
                jdbc.sql("insert into audit_chain (chain, last_seq, last_hash) values (?, 2, ?)").params(tenant, prev).update();
                List<Map<String, Object>> before = jdbc.sql(
                                "select id, chain, chain_seq, prev_hash, hash from audit_record where hash is not null order by id")
                        .query().listOfRows();

                db.migrate(null);

                List<Map<String, Object>> after = jdbc.sql(
                                "select record_id as id, chain, chain_seq, prev_hash, hash from audit_seal order by record_id")
                        .query().listOfRows();
                assertThat(after).isEqualTo(before);
                assertThat(jdbc.sql("select last_id from audit_seal_mark").query(Long.class).single()).isEqualTo(ids.get(1));
                // what follows the mark is exactly the unsealed row
                assertThat(jdbc.sql("""
                                select r.id from audit_record r, audit_seal_mark m
                                where (r.txid, r.id) > (m.last_txid, m.last_id)""")
                        .query(Long.class).list()).containsExactly(ids.get(2));
                assertThat(jdbc.sql("select count(*) from information_schema.columns where table_name = 'audit_record' and column_name = 'hash'")
                        .query(Long.class).single()).isZero();
                // the rows are now append-only without exception, even for their owner
                assertThatThrownBy(() -> jdbc.sql("update audit_record set actor = 'x' where id = ?").param(ids.get(2)).update())
                        .rootCause().hasMessageContaining("append-only");
            }
        }
    }
}
