package id.gerai.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.gerai.platform.TenantContext;
import id.gerai.support.Fixtures;
import id.gerai.support.GeraiIntegrationTest;
import id.gerai.tenancy.Tenant;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sent and failed messages are deleted once their retention (30 days) has passed; pending ones never are. */
@GeraiIntegrationTest
class OutboxRetentionIT {

    @Autowired Fixtures fixtures;
    @Autowired OutboxRetention retention;
    @Autowired JdbcClient jdbc;

    private UUID message(UUID tenant, String status, Duration age) {
        UUID id = UUID.randomUUID();
        Instant created = Instant.now().minus(age);
        TenantContext.runAcrossTenants(() -> jdbc.sql("""
                        insert into notification_outbox (id, tenant_id, channel, recipient, subject, body, status, attempts,
                                                         next_attempt_at, created_at, sent_at)
                        values (?, ?, 'EMAIL', ?, 'Permohonan Anda', 'Yth. Warga Uji, permohonan ABC-DEF-GHJ selesai.', ?, 1, ?, ?, ?)""")
                .params(id, tenant, "retensi." + id + "@test.gerai.local", status, Timestamp.from(created), Timestamp.from(created),
                        status.equals("SENT") ? Timestamp.from(created.plusSeconds(5)) : null)
                .update());
        return id;
    }

    private boolean exists(UUID id) {
        return TenantContext.callAcrossTenants(() -> jdbc.sql("select count(*) from notification_outbox where id = ?")
                .param(id).query(Integer.class).single()) == 1;
    }

    @Test
    void sentAndFailedMessagesOutliveTheirRetentionAndPendingOnesAreKept() {
        Tenant tenant = fixtures.newTenant();
        UUID t = tenant.id().value();
        UUID oldSent = message(t, "SENT", Duration.ofDays(31));
        UUID oldFailed = message(t, "FAILED", Duration.ofDays(45));
        UUID oldInstallationWide = message(null, "SENT", Duration.ofDays(60));
        UUID oldPending = message(t, "PENDING", Duration.ofDays(40));
        UUID recentSent = message(t, "SENT", Duration.ofDays(29));

        assertThat(retention.purgeNow()).isGreaterThanOrEqualTo(3);

        assertThat(List.of(oldSent, oldFailed, oldInstallationWide)).noneMatch(this::exists);
        assertThat(List.of(oldPending, recentSent)).allMatch(this::exists);
        // the tenant's audit log says what went, by whom, and nothing of the messages themselves
        List<String> audits = TenantContext.callAcrossTenants(() -> jdbc.sql("""
                        select actor || ' ' || after_data::text from audit_record
                        where tenant_id = ? and action = 'notification.outbox.purged'""")
                .param(t).query(String.class).list());
        assertThat(audits).singleElement().satisfies(a -> assertThat(a).startsWith("system ").contains("\"deleted\": 2")
                .doesNotContain("Warga Uji").doesNotContain("retensi."));
        // a second round finds nothing more of this tenant's
        retention.purgeNow();
        assertThat(List.of(oldPending, recentSent)).allMatch(this::exists);
    }
}
