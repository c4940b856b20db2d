package id.gerai.audit.internal;

import static id.gerai.audit.internal.AuditDatabase.freshTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.gerai.audit.AuditActor;
import id.gerai.audit.AuditEntry;
import id.gerai.audit.AuditEvent;
import id.gerai.audit.AuditLog;
import id.gerai.audit.AuditQueries;
import id.gerai.platform.TenantContext;
import id.gerai.platform.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Recording: in the caller's transaction, with the right actor and the values as JSON. */
@ApplicationModuleTest
class AuditLogTests {

    @Autowired AuditLog auditLog;
    @Autowired AuditQueries queries;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;

    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        tx = new TransactionTemplate(transactions);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void recordIsWrittenInTheCallersTransaction() {
        TenantId tenant = freshTenant();
        Boolean sameTransaction = TenantContext.call(tenant, () -> tx.execute(status -> {
            auditLog.record(AuditEvent.of(tenant, "test.thing.created", "thing", 1, null, Map.of("name", "a")));
            return jdbc.sql("select txid = pg_current_xact_id() from audit_record where tenant_id = ?")
                    .param(tenant.value()).query(Boolean.class).single();
        }));
        assertThat(sameTransaction).isTrue();
        assertThat(list(tenant)).extracting(AuditEntry::action).containsExactly("test.thing.created");
    }

    @Test
    void recordVanishesWhenTheCallerRollsBack() {
        TenantId tenant = freshTenant();
        TenantContext.run(tenant, () -> tx.executeWithoutResult(status -> {
            auditLog.record(AuditEvent.of(tenant, "test.thing.created", "thing", 1, null, Map.of("name", "a")));
            assertThat(list(tenant)).hasSize(1);
            status.setRollbackOnly();
        }));
        assertThat(list(tenant)).isEmpty();

        assertThatThrownBy(() -> TenantContext.run(tenant, () -> tx.executeWithoutResult(status -> {
            auditLog.record(AuditEvent.of(tenant, "test.thing.created", "thing", 2, null, null));
            throw new IllegalStateException("the change failed");
        }))).hasMessage("the change failed");
        assertThat(list(tenant)).isEmpty();
    }

    @Test
    void storesWhatChangedAsJson() {
        TenantId tenant = freshTenant();
        UUID agency = UUID.randomUUID();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("name", "Dinas \"Lama\" | Ü");
        before.put("agencyId", agency);
        before.put("counters", 3);
        before.put("note", null);
        Map<String, Object> after = Map.of("name", "Dinas Baru", "at", Instant.parse("2025-01-02T03:04:05Z"), "tags", List.of("a", "b"));
        TenantContext.run(tenant, () -> tx.executeWithoutResult(s ->
                auditLog.record(AuditEvent.of(tenant, "test.agency.renamed", "agency", agency, before, after))));

        Map<String, Object> stored = TenantContext.call(tenant, () -> jdbc.sql("""
                        select before_data ->> 'name' as before_name, before_data ->> 'agencyId' as agency,
                               (before_data ->> 'counters')::int as counters, (before_data -> 'note') = 'null'::jsonb as has_note,
                               after_data ->> 'name' as after_name, after_data -> 'tags' ->> 1 as tag, entity_id
                        from audit_record where tenant_id = ?""")
                .param(tenant.value()).query().singleRow());
        assertThat(stored).containsEntry("before_name", "Dinas \"Lama\" | Ü")
                .containsEntry("agency", agency.toString())
                .containsEntry("counters", 3)
                .containsEntry("has_note", true)
                .containsEntry("after_name", "Dinas Baru")
                .containsEntry("tag", "b")
                .containsEntry("entity_id", agency.toString());
    }

    @Test
    void actorIsTheGivenOneThenTheSignedInPersonThenTheSystem() {
        TenantId tenant = freshTenant();
        record(tenant, AuditEvent.of(tenant, "test.explicit", "thing", 1, null, null).byActor("importer"));
        record(tenant, AuditEvent.of(tenant, "test.nobody", "thing", 2, null, null));

        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("siti@example.id", null, AuthorityUtils.NO_AUTHORITIES));
        record(tenant, AuditEvent.of(tenant, "test.by-name", "thing", 3, null, null));

        AuditActor account = () -> "7b0c7a8e-account";
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(account, null, AuthorityUtils.NO_AUTHORITIES));
        record(tenant, AuditEvent.of(tenant, "test.by-account", "thing", 4, null, null));
        record(tenant, AuditEvent.of(tenant, "test.explicit-wins", "thing", 5, null, null).byActor("scheduler"));

        TestingAuthenticationToken notSignedIn = new TestingAuthenticationToken("ghost", null);
        notSignedIn.setAuthenticated(false);
        SecurityContextHolder.getContext().setAuthentication(notSignedIn);
        record(tenant, AuditEvent.of(tenant, "test.unauthenticated", "thing", 6, null, null));

        assertThat(list(tenant)).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("test.unauthenticated", "system"),
                org.assertj.core.groups.Tuple.tuple("test.explicit-wins", "scheduler"),
                org.assertj.core.groups.Tuple.tuple("test.by-account", "7b0c7a8e-account"),
                org.assertj.core.groups.Tuple.tuple("test.by-name", "siti@example.id"),
                org.assertj.core.groups.Tuple.tuple("test.nobody", "system"),
                org.assertj.core.groups.Tuple.tuple("test.explicit", "importer"));
    }

    @Test
    void recordsSeveralEventsInOneStatementInTheirOrder() {
        TenantId tenant = freshTenant();
        UUID entity = UUID.randomUUID();
        TenantContext.run(tenant, () -> tx.executeWithoutResult(s -> auditLog.recordAll(List.of(
                AuditEvent.of(tenant, "test.doc.attached", "application", entity, null, Map.of("code", "KTP", "size", 12)),
                AuditEvent.of(tenant, "test.doc.attached", "application", entity, Map.of("code", "KK", "sha256", "ab"),
                        Map.of("code", "KK")).byActor("loket-1"),
                AuditEvent.of(tenant, "test.doc.third", "application", entity, null, null)))));

        assertThat(list(tenant)).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("test.doc.third", "system"),
                org.assertj.core.groups.Tuple.tuple("test.doc.attached", "loket-1"),
                org.assertj.core.groups.Tuple.tuple("test.doc.attached", "system"));
        List<Map<String, Object>> rows = TenantContext.call(tenant, () -> jdbc.sql("""
                        select entity_id, before_data ->> 'sha256' as old, after_data ->> 'code' as code,
                               (after_data ->> 'size')::int as size, after_data is null as no_after
                        from audit_record where tenant_id = ? order by id""")
                .param(tenant.value()).query().listOfRows());
        assertThat(rows).extracting(r -> r.get("code")).containsExactly("KTP", "KK", null);
        assertThat(rows).extracting(r -> r.get("old")).containsExactly(null, "ab", null);
        assertThat(rows.getFirst()).containsEntry("size", 12).containsEntry("entity_id", entity.toString());
        assertThat(rows.getLast()).containsEntry("no_after", true);

        // one event without an action: nothing of the batch is recorded
        TenantId other = freshTenant();
        assertThatThrownBy(() -> TenantContext.run(other, () -> tx.executeWithoutResult(s -> auditLog.recordAll(List.of(
                AuditEvent.of(other, "test.fine", "thing", 1, null, null),
                AuditEvent.of(other, " ", "thing", 2, null, null))))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(list(other)).isEmpty();
    }

    @Test
    void refusesAnEventWithoutAction() {
        assertThatThrownBy(() -> auditLog.record(AuditEvent.of(null, " ", "thing", 1, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void record(TenantId tenant, AuditEvent event) {
        TenantContext.run(tenant, () -> tx.executeWithoutResult(s -> auditLog.record(event)));
    }

    private List<AuditEntry> list(TenantId tenant) {
        return TenantContext.call(tenant, () -> queries.list(tenant, null, 0, 50).entries());
    }
}
