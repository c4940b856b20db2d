package id.gerai.audit.internal;

import static id.gerai.audit.internal.AuditDatabase.freshTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.audit.AuditLog;
import id.gerai.audit.AuditVerifier;
import id.gerai.audit.VerificationResult;
import id.gerai.audit.VerificationResult.Kind;
import id.gerai.audit.VerificationResult.Problem;
import id.gerai.audit.internal.AuditDatabase.Sealed;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The log is append-only for the application and its owner, and what someone changes behind their
 * back (as superuser, with triggers off) is found by verification. Each test restores what it broke, so
 * the shared test database stays verifiable.
 */
@ApplicationModuleTest
class AuditTamperingTests {

    @Autowired AuditLog auditLog;
    @Autowired AuditVerifier verifier;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;

    AuditDatabase db;

    @BeforeEach
    void setUp() {
        db = new AuditDatabase(dataSource, jdbc, transactions);
    }

    @Test
    void aRowAlteredInTheDatabaseBreaksItsChainThere() throws SQLException {
        TenantId tenant = freshTenant();
        List<Sealed> chain = sealedChain(tenant, 5);
        assertThat(verifier.verify(tenant).ok()).isTrue();

        Sealed victim = chain.get(2);
        db.tamper("update audit_record set after_data = '{\"amount\": 1000000}' where id = " + victim.id());
        VerificationResult result = verifier.verify(tenant);

        assertThat(result.ok()).isFalse();
        assertThat(result.firstProblem()).isEqualTo(new Problem(tenant.toString(), Kind.ALTERED, 3, victim.id()));
        assertThat(result.chains()).singleElement().satisfies(c -> {
            assertThat(c.ok()).isFalse();
            assertThat(c.rowsChecked()).isEqualTo(2);
        });

        VerificationResult all = verifier.verify(null);
        assertThat(all.ok()).isFalse();
        assertThat(all.chain(tenant.toString())).hasValueSatisfying(c -> assertThat(c.problem())
                .isEqualTo(new Problem(tenant.toString(), Kind.ALTERED, 3, victim.id())));

        db.tamper("update audit_record set after_data = '{\"i\": 2}' where id = " + victim.id());
        assertThat(verifier.verify(tenant).ok()).isTrue();
    }

    @Test
    void aRowWhoseHashWasRecomputedStillBreaksTheLinkToTheNext() throws SQLException {
        TenantId tenant = freshTenant();
        List<Sealed> chain = sealedChain(tenant, 3);
        Sealed victim = chain.get(1);
        db.tamper("update audit_seal set hash = repeat('a', 64) where record_id = " + victim.id());

        // Its own hash no longer matches: altered. (Rewriting it consistently would break the next link.)
        assertThat(verifier.verify(tenant).firstProblem())
                .isEqualTo(new Problem(tenant.toString(), Kind.ALTERED, 2, victim.id()));

        db.tamper("update audit_seal set hash = '" + victim.hash() + "' where record_id = " + victim.id(),
                "update audit_seal set prev_hash = repeat('b', 64) where record_id = " + chain.get(2).id());
        assertThat(verifier.verify(tenant).firstProblem())
                .isEqualTo(new Problem(tenant.toString(), Kind.LINK_BROKEN, 3, chain.get(2).id()));

        db.tamper("update audit_seal set prev_hash = '" + victim.hash() + "' where record_id = " + chain.get(2).id());
        assertThat(verifier.verify(tenant).ok()).isTrue();
    }

    @Test
    void aDeletedRowIsMissingWhereItsSealStands() throws SQLException {
        TenantId tenant = freshTenant();
        List<Sealed> chain = sealedChain(tenant, 4);
        Sealed victim = chain.get(1);
        delete(victim.id(), false);

        VerificationResult result = verifier.verify(tenant);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstProblem()).isEqualTo(new Problem(tenant.toString(), Kind.MISSING, 2, victim.id()));

        restore(victim.id());
        assertThat(verifier.verify(tenant).ok()).isTrue();
    }

    @Test
    void aDeletedRowWithItsSealIsAGap() throws SQLException {
        TenantId tenant = freshTenant();
        List<Sealed> chain = sealedChain(tenant, 4);
        Sealed victim = chain.get(1);
        delete(victim.id(), true);

        VerificationResult result = verifier.verify(tenant);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstProblem()).isEqualTo(new Problem(tenant.toString(), Kind.MISSING, 2, null));

        restore(victim.id());
        assertThat(verifier.verify(tenant).ok()).isTrue();
    }

    @Test
    void rowsCutOffTheEndDoNotMatchTheHead() throws SQLException {
        TenantId tenant = freshTenant();
        List<Sealed> chain = sealedChain(tenant, 3);
        Sealed last = chain.getLast();
        delete(last.id(), true);

        VerificationResult result = verifier.verify(tenant);
        assertThat(result.firstProblem()).isEqualTo(new Problem(tenant.toString(), Kind.HEAD_MISMATCH, 3, null));
        assertThat(result.chains()).singleElement().satisfies(c -> assertThat(c.headSeq()).isEqualTo(3));

        restore(last.id());
        assertThat(verifier.verify(tenant).ok()).isTrue();
    }

    @Test
    void theApplicationRoleCanNeitherChangeNorDeleteRecords() {
        TenantId tenant = freshTenant();
        Sealed row = sealedChain(tenant, 1).getFirst();

        assertThatThrownBy(() -> asApp("update audit_record set after_data = '{}' where id = ?", row.id()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asApp("update audit_record set actor = 'someone else' where id = ?", row.id()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asApp("delete from audit_record where id = ?", row.id()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asApp("truncate audit_record"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        // Seals are only ever added: none can be replaced or removed.
        assertThatThrownBy(() -> asApp("update audit_seal set hash = repeat('c', 64) where record_id = ?", row.id()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asApp("delete from audit_seal where record_id = ?", row.id()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> asApp("delete from audit_chain where chain = ?", tenant.toString()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");

        assertThat(verifier.verify(tenant).ok()).isTrue();
    }

    @Test
    void evenWithAllPrivilegesTheTriggerRefusesChanges() throws SQLException {
        TenantId tenant = freshTenant();
        Sealed row = sealedChain(tenant, 1).getFirst();
        try (Connection c = db.superuser(); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("update audit_record set after_data = '{}' where id = " + row.id()))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("update audit_seal set chain_seq = 99 where record_id = " + row.id()))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("delete from audit_seal where record_id = " + row.id()))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("truncate audit_seal"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("delete from audit_record where id = " + row.id()))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("truncate audit_record"))
                    .hasMessageContaining("append-only");
        }
        assertThat(verifier.verify(tenant).ok()).isTrue();
    }

    private List<Sealed> sealedChain(TenantId tenant, int rows) {
        for (int i = 0; i < rows; i++) {
            db.record(auditLog, tenant, "test.tamper." + i, Map.of("i", i));
        }
        verifier.verify(tenant); // seals
        List<Sealed> chain = db.chain(tenant.toString());
        assertThat(chain).hasSize(rows);
        return chain;
    }

    private void asApp(String sql, Object... params) {
        TenantContext.runAcrossTenants(() -> jdbc.sql(sql).params(params).update());
    }

    /** Deletes a row (and its seal, when {@code seal}) past the trigger, keeping copies for {@link #restore}. */
    private void delete(long id, boolean seal) throws SQLException {
        List<String> statements = new java.util.ArrayList<>(List.of(
                "create table deleted_audit_" + id + " as select * from audit_record where id = " + id,
                "delete from audit_record where id = " + id));
        if (seal) {
            statements.add("create table deleted_seal_" + id + " as select * from audit_seal where record_id = " + id);
            statements.add("delete from audit_seal where record_id = " + id);
        }
        db.tamper(statements.toArray(String[]::new));
    }

    /** Puts back a row deleted by a test, and its seal if that was deleted too. */
    private void restore(long id) throws SQLException {
        db.tamper("insert into audit_record overriding system value select * from deleted_audit_" + id,
                "drop table deleted_audit_" + id,
                """
                do $$ begin
                    if to_regclass('deleted_seal_%d') is not null then
                        insert into audit_seal select * from deleted_seal_%d;
                        drop table deleted_seal_%d;
                    end if;
                end $$""".formatted(id, id, id));
    }
}
