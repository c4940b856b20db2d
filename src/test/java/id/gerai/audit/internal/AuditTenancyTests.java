package id.gerai.audit.internal;

import static id.gerai.audit.internal.AuditDatabase.freshTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.audit.AuditEntry;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.audit.AuditPage;
import id.gerai.audit.AuditQueries;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Row-level security: a tenant sees only its own records; installation-wide ones need the cross-tenant scope. */
@ApplicationModuleTest
class AuditTenancyTests {

    @Autowired AuditLog auditLog;
    @Autowired AuditQueries queries;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;

    AuditDatabase db;

    @BeforeEach
    void setUp() {
        db = new AuditDatabase(dataSource, jdbc, transactions);
    }

    @Test
    void aTenantSeesNoneOfAnotherTenantsRecords() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        String platformAction = "test.rls.platform." + UUID.randomUUID();
        db.record(auditLog, a, "test.rls.a", Map.of("secret", "a"));
        db.record(auditLog, b, "test.rls.b", Map.of("secret", "b"));
        db.record(auditLog, null, platformAction, Map.of("secret", "platform"));

        // Even a query that forgets its tenant filter sees only the scope's tenant.
        long bSeenFromA = TenantContext.call(a, () -> jdbc.sql("select count(*) from audit_record where tenant_id = ?")
                .param(b.value()).query(Long.class).single());
        assertThat(bSeenFromA).isZero();
        long platformSeenFromA = TenantContext.call(a, () -> jdbc.sql("select count(*) from audit_record where action = ?")
                .param(platformAction).query(Long.class).single());
        assertThat(platformSeenFromA).isZero();
        AuditPage fromA = TenantContext.call(a, () -> queries.list(null, "test.rls", 0, 200));
        assertThat(fromA.entries()).extracting(AuditEntry::tenant).containsOnly(a);
        assertThat(fromA.entries()).extracting(AuditEntry::action).containsExactly("test.rls.a");
        assertThat(TenantContext.call(a, () -> queries.list(b, null, 0, 10)).entries()).isEmpty();

        // Outside any scope, nothing at all.
        long outside = jdbc.sql("select count(*) from audit_record where tenant_id in (?, ?) or action = ?")
                .params(a.value(), b.value(), platformAction).query(Long.class).single();
        assertThat(outside).isZero();

        // Across tenants, everything, including installation-wide records.
        assertThat(TenantContext.callAcrossTenants(() -> queries.list(null, platformAction, 0, 10)).entries())
                .singleElement().satisfies(e -> assertThat(e.tenant()).isNull());
        assertThat(TenantContext.callAcrossTenants(() -> queries.list(b, null, 0, 10)).entries())
                .extracting(AuditEntry::action).containsExactly("test.rls.b");
    }

    @Test
    void aTenantCannotWriteRecordsOfAnotherTenantButMayWriteInstallationWideOnes() {
        TenantId a = freshTenant();
        TenantId b = freshTenant();
        TransactionTemplate tx = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> TenantContext.run(a, () -> tx.executeWithoutResult(s ->
                auditLog.record(AuditEvent.of(b, "test.rls.forged", "thing", 1, null, null)))))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("row-level security");

        String action = "test.rls.account-created." + UUID.randomUUID();
        TenantContext.run(a, () -> tx.executeWithoutResult(s ->
                auditLog.record(AuditEvent.of(null, action, "account", 1, null, null))));
        assertThat(db.count("select count(*) from audit_record where action = ? and tenant_id is null", action)).isEqualTo(1);
        assertThat(db.count("select count(*) from audit_record where tenant_id = ?", b.value())).isZero();
    }

    @Test
    void pagesAreNewestFirstAndFilteredByActionPrefix() {
        TenantId tenant = freshTenant();
        for (int i = 0; i < 5; i++) {
            db.record(auditLog, tenant, "test.page.item_" + i, null);
        }
        db.record(auditLog, tenant, "test.pageX.other", null);

        AuditPage first = TenantContext.call(tenant, () -> queries.list(tenant, "test.page.", 0, 2));
        assertThat(first.entries()).extracting(AuditEntry::action).containsExactly("test.page.item_4", "test.page.item_3");
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        AuditPage last = TenantContext.call(tenant, () -> queries.list(tenant, "test.page.", 2, 2));
        assertThat(last.entries()).extracting(AuditEntry::action).containsExactly("test.page.item_0");
        assertThat(last.hasNext()).isFalse();
        // "_" and "%" in a prefix are literal, not wildcards.
        assertThat(TenantContext.call(tenant, () -> queries.list(tenant, "test.page.item%", 0, 10)).entries()).isEmpty();
        assertThat(TenantContext.call(tenant, () -> queries.list(tenant, "test_page", 0, 10)).entries()).isEmpty();
        assertThat(TenantContext.call(tenant, () -> queries.list(tenant, null, 0, 10)).entries()).hasSize(6);
    }
}
